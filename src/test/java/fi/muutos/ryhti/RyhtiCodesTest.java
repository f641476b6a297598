package fi.muutos.ryhti;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.ryhti.RyhtiCodes.Decision;
import fi.muutos.ryhti.RyhtiCodes.Displays;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.ZoningStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mapping table, row by row, as docs/ryhti.md gives it: a changed row fails here with the row
 * named, and the document must change with it.
 */
class RyhtiCodesTest {

  @ParameterizedTest(name = "{0}: lifecycle {1}, handling {2}, displays {3}, decision {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "INITIATED,                   01, -,  NONE,     -,   NONE",
        "ANNOUNCED,                   02, 04, NONE,     -,   NONE",
        "DRAFT,                       03, 05, DRAFT,    -,   NONE",
        "PROPOSAL,                    04, 08, PROPOSAL, 08,  DISPLAY",
        "REVISED_PROPOSAL,            05, 09, REVISED,  09,  REDISPLAY",
        "APPROVED,                    06, 11, NONE,     11A, APPROVAL",
        "RECTIFICATION_REQUESTED,     07, -,  NONE,     -,   NONE",
        "APPEALED,                    08, -,  NONE,     -,   NONE",
        "RECTIFICATION_AND_APPEAL,    09, -,  NONE,     -,   NONE",
        "PARTLY_IN_FORCE,             10, -,  NONE,     -,   NONE",
        "IN_FORCE_BEFORE_LEGAL_FORCE, 11, 13, NONE,     -,   NONE",
        "LEGALLY_BINDING,             12, -,  NONE,     -,   NONE",
        "IN_FORCE,                    13, 16, NONE,     -,   NONE",
        "ANNULLED,                    14, -,  NONE,     -,   NONE",
        "LAPSED,                      15, -,  NONE,     -,   NONE",
        "REJECTED,                    16, -,  NONE,     -,   NONE",
        "SUSPENDED,                   17, -,  NONE,     -,   NONE"
      })
  void eachStageHasItsRow(
      ZoningStage stage,
      String lifecycle,
      String handling,
      Displays displays,
      String decisionName,
      Decision decision) {
    RyhtiCodes.Phase phase = RyhtiCodes.phase(stage);
    assertThat(phase.lifecycleCode()).isEqualTo(lifecycle);
    assertThat(phase.handlingEvent()).isEqualTo(handling);
    assertThat(phase.displays()).isEqualTo(displays);
    assertThat(phase.decisionName()).isEqualTo(decisionName);
    assertThat(phase.decision()).isEqualTo(decision);
    assertThat(RyhtiCodes.phase(lifecycle)).isEqualTo(phase);
  }

  @ParameterizedTest(name = "{0}: RY_Kaavalaji {1}, {2}")
  @CsvSource({
    "DETAILED_PLAN,              31, LocalDetailedPlanMatter",
    "MINOR_DETAILED_PLAN_CHANGE, 31, LocalDetailedPlanMatter",
    "MASTER_PLAN,                21, LocalMasterPlanMatter"
  })
  void eachPlanTypeHasItsRow(PlanType type, String code, String path) {
    assertThat(RyhtiCodes.planType(type)).isEqualTo(RyhtiCodes.PLAN_TYPE + code);
    assertThat(RyhtiCodes.matterPath(type)).isEqualTo(path);
  }
}
