package fi.muutos.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.organisation.ReformProcess;
import fi.muutos.platform.DomainException;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcedure.Started;
import fi.muutos.zoning.ZoningPlanProcess;
import fi.muutos.zoning.ZoningStage;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The case record: registered once per instance, stages only of its process, typed per kind. */
@IntegrationTest
class CasesTest {

  @Autowired Cases cases;
  @Autowired ZoningPlanProcedure zoning;

  @Test
  void aCaseIsRegisteredOnceAndOnlyByTheInstanceThatClaimedItsKey() {
    Started plan = start();
    assertThat(
            cases.register(
                ZoningPlanProcess.CASE,
                plan.businessKey(),
                plan.processInstanceId(),
                "Again",
                ZoningStage.INITIATED,
                null))
        .as("a retried first step finds its case")
        .isFalse();
    assertThat(cases.get(ZoningPlanProcess.CASE, plan.businessKey()).name())
        .startsWith("Testikaava");
    assertThatThrownBy(
            () ->
                cases.register(
                    ZoningPlanProcess.CASE,
                    plan.businessKey(),
                    "another-instance",
                    "Thief",
                    ZoningStage.INITIATED,
                    null))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
  }

  @Test
  void aCaseEntersOnlyTheStagesOfItsOwnProcessAndLogsTheirLegalDates() {
    Started plan = start();
    assertThatThrownBy(
            () ->
                cases.enter(
                    ZoningPlanProcess.KEY, plan.businessKey(), "IMPLEMENTATION", null, null, "x"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
              assertThat(e.getMessage()).contains("IMPLEMENTATION").contains("zoningPlan");
            });
    cases.enter(
        ZoningPlanProcess.KEY,
        plan.businessKey(),
        "ANNOUNCED",
        null,
        LocalDate.of(2026, 3, 4),
        "step");
    var entered = cases.stages(ZoningPlanProcess.CASE, plan.businessKey());
    assertThat(entered).extracting(StageEntry::stage).endsWith(ZoningStage.ANNOUNCED);
    assertThat(entered.get(entered.size() - 1).legalDate()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(cases.get(ZoningPlanProcess.CASE, plan.businessKey()).stage())
        .isEqualTo(ZoningStage.ANNOUNCED);
  }

  @Test
  void aFeatureSeesOnlyCasesOfItsOwnKind() {
    Started plan = start();
    assertThatThrownBy(
            () ->
                cases.enter(
                    ReformProcess.CASE,
                    plan.businessKey(),
                    fi.muutos.organisation.ReformStage.COUNCIL,
                    null,
                    null,
                    "x"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    assertThat(cases.get(ZoningPlanProcess.CASE, plan.businessKey()).stage())
        .as("unchanged")
        .isEqualTo(ZoningStage.INITIATED);
    assertThatThrownBy(() -> cases.get(ReformProcess.CASE, plan.businessKey()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    assertThat(cases.list(ZoningPlanProcess.CASE, null))
        .extracting(Case::businessKey)
        .contains(plan.businessKey());
    assertThat(cases.list(ReformProcess.CASE, null))
        .extracting(Case::businessKey)
        .doesNotContain(plan.businessKey());
  }

  private Started start() {
    return zoning.start(
        new StartPlan(
            "Testikaava " + UUID.randomUUID(), PlanType.DETAILED_PLAN, true, "Keskusta", null));
  }
}
