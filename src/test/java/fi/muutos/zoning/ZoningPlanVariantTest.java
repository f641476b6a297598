package fi.muutos.zoning;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The deployed decision table zoningPlanVariant, rule by rule. */
@IntegrationTest
class ZoningPlanVariantTest {

  @Autowired DecisionService decisionService;

  @ParameterizedTest(name = "{0}, significant={1}")
  @CsvSource({
    "MASTER_PLAN, false, true, true, 30, COUNCIL",
    "MASTER_PLAN, true, true, true, 30, COUNCIL",
    "DETAILED_PLAN, true, true, true, 30, COUNCIL",
    "DETAILED_PLAN, false, false, true, 30, COUNCIL",
    "MINOR_DETAILED_PLAN_CHANGE, false, false, false, 14, DELEGATED"
  })
  void chooses(
      String type, boolean significant, boolean meeting, boolean draft, int days, String body) {
    DmnDecisionResultEntries result =
        decisionService
            .evaluateDecisionByKey(ZoningPlanProcess.VARIANT_DECISION)
            .variables(Map.of("planType", type, "significant", significant))
            .evaluate()
            .getSingleResult();
    assertThat(result.<Boolean>getEntry("authoritiesMeeting")).isEqualTo(meeting);
    assertThat(result.<Boolean>getEntry("draftStage")).isEqualTo(draft);
    assertThat(((Number) result.getEntry("displayDays")).intValue()).isEqualTo(days);
    assertThat(result.<String>getEntry("approvingBody")).isEqualTo(body);
  }

  /**
   * AKL 52 §, MRA 27 §: a minor change (vaikutuksiltaan vähäinen) is never significant, so the
   * table has no row for one (the start refuses it before the table is asked).
   */
  @org.junit.jupiter.api.Test
  void theTableHasNoSignificantMinorChange() {
    assertThat(
            decisionService
                .evaluateDecisionByKey(ZoningPlanProcess.VARIANT_DECISION)
                .variables(Map.of("planType", "MINOR_DETAILED_PLAN_CHANGE", "significant", true))
                .evaluate()
                .getResultList())
        .isEmpty();
  }
}
