package fi.muutos.cases;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.events.EventInbox;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.MutableClock;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcedure.Started;
import fi.muutos.zoning.ZoningPlanProcess.Elements;
import fi.muutos.zoning.ZoningPlans;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Legal filings are facts on their case (ADR 0052): written when the inbox accepts them, taken by
 * their step, or, when no step takes them, kept on the case, judged by their filing date and given
 * to the case's group as a task. Never expired silently.
 */
@IntegrationTest
class FilingsTest {

  @Autowired ZoningPlanProcedure procedure;
  @Autowired ZoningPlans plans;
  @Autowired EventInbox inbox;
  @Autowired ProcessDriver driver;
  @Autowired TaskService taskService;
  @Autowired MutableClock clock;
  @Autowired Cases cases;
  @Autowired CaseSearch search;
  @Autowired fi.muutos.organisation.OrganisationReformProcedure reforms;

  @Value("${local.server.port}")
  int port;

  private Started plan() {
    Started started =
        procedure.start(
            new StartPlan(
                "Asiakirjakaava " + UUID.randomUUID(),
                PlanType.MINOR_DETAILED_PLAN_CHANGE,
                false,
                "Keskusta",
                null));
    driver.jobs(started.processInstanceId(), Elements.MARK_MEASURE_IN_PROGRESS);
    return started;
  }

  /** Announced, and its proposal on display from 4.3.2026 until the display's end. */
  private void throughDisplay(String instance) {
    driver.complete(instance, Elements.ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
    driver.complete(instance, Elements.PREPARE_PROPOSAL, ZoningSteps.proposal("2026-03-04", ""));
    driver.jobs(instance, Elements.DISPLAY_ENDED);
  }

  @Test
  void aMuistutusThatReachesAnEndedPlanIsCountedByItsDateAndGivenToThePlanners() {
    Started plan = plan();
    String instance = plan.processInstanceId();
    throughDisplay(instance);
    procedure.cancel(plan.planId(), "Hanke peruttiin");
    assertThat(driver.ended(instance, Elements.END_CANCELLED)).isTrue();

    // filed on the display's last day; reaches Muutos after the plan ended
    String id =
        driver.send(
            "fi.muutos.zoning.reminder.filed",
            plan.businessKey(),
            "{\"date\":\"2026-03-18\",\"reference\":\"MU-7\"}");

    assertThat(inbox.find(id).status()).isEqualTo("ON_CASE");
    assertThat(inbox.find(id).filingStatus()).isEqualTo("OUTSIDE_STEP");
    assertThat(plans.find(plan.planId()).reminders()).as("AKL 65 §: filed in time").isEqualTo(1);
    Filing filing = cases.filings(plan.businessKey()).get(0);
    assertThat(filing.label()).isEqualTo("Muistutus");
    assertThat(filing.reference()).isEqualTo("MU-7");
    assertThat(filing.judgement()).startsWith("Laskettu kaavan muistutukseksi: jätetty 18.3.2026");
    assertThat(plans.find(plan.planId()).filings()).extracting(Filing::id).contains(filing.id());

    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(plan.businessKey())
            .processDefinitionKey(CaseFilingProcess.KEY)
            .singleResult();
    assertThat(task.getName()).isEqualTo("Käsittele vaiheen ulkopuolella saapunut asiakirja");
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> "kaavoitus".equals(link.getGroupId()));

    // the planner handles it in Tasklist's way: the engine REST API, claimed, the form's field
    HttpTestClient http = new HttpTestClient(port);
    assertThat(
            http.post(
                    "/engine-rest/task/" + task.getId() + "/claim",
                    "kaavoittaja",
                    "demo",
                    "application/json",
                    "{\"userId\":\"kaavoittaja\"}")
                .statusCode())
        .isEqualTo(204);
    var refused =
        http.post(
            "/engine-rest/task/" + task.getId() + "/complete",
            "kaavoittaja",
            "demo",
            "application/json",
            "{\"variables\":{\"filingHandling\":{\"value\":\"x\",\"type\":\"String\"},"
                + "\"filingJudgement\":{\"value\":\"muutettu\",\"type\":\"String\"}}}");
    assertThat(refused.statusCode()).as("only the form's field").isEqualTo(400);
    assertThat(refused.body()).contains("filingJudgement");
    var done =
        http.post(
            "/engine-rest/task/" + task.getId() + "/complete",
            "kaavoittaja",
            "demo",
            "application/json",
            "{\"variables\":{\"filingHandling\":{\"value\":\"Vastine lähetetty muistuttajalle.\","
                + "\"type\":\"String\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    Filing handled = cases.filings(plan.businessKey()).get(0);
    assertThat(handled.status()).isEqualTo("HANDLED");
    assertThat(handled.handledBy()).isEqualTo("kaavoittaja");
    assertThat(handled.handlingNote()).isEqualTo("Vastine lähetetty muistuttajalle.");
  }

  @Test
  void aFilingNoStepTakesWithinTheHorizonStaysOnItsCaseWithATask() {
    Started plan = plan();
    // an appeal before the plan was even decided: nothing waits for it
    String id =
        driver.send(
            "fi.muutos.zoning.appeal.filed",
            plan.businessKey(),
            "{\"court\":\"Hämeenlinnan hallinto-oikeus\",\"date\":\"2026-02-02\"}");
    assertThat(inbox.find(id).status()).isEqualTo("PENDING");
    assertThat(cases.filings(plan.businessKey()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo("RECEIVED");
              assertThat(f.statusLabel()).isEqualTo("Vastaanotettu, odottaa vaihettaan");
              assertThat(f.filedOn()).hasToString("2026-02-02");
            });
    assertThat(search.search(null, plan.processInstanceId(), null, 5))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.filingsWaiting()).isEqualTo(1);
              assertThat(c.modelVersion()).isNotNull();
            });

    clock.advance(Duration.ofDays(8)); // past the inbox's horizon
    try {
      inbox.retryDue();
    } finally {
      clock.advance(Duration.ofDays(-8));
    }

    assertThat(inbox.find(id).status()).as("never expired silently").isEqualTo("ON_CASE");
    assertThat(cases.filings(plan.businessKey()).get(0).status()).isEqualTo("OUTSIDE_STEP");
    assertThat(search.search(null, plan.processInstanceId(), null, 5).get(0).filingsToHandle())
        .isEqualTo(1);
    assertThat(cases.filings(plan.businessKey()).get(0).judgement())
        .startsWith("Valitus on jätetty 2.2.2026, mutta kaavalla ei ole valitusaikaa");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(plan.businessKey())
                .processDefinitionKey(CaseFilingProcess.KEY)
                .count())
        .isEqualTo(1);
    // leaves no open plan task behind for the browser tests' Tasklist
    procedure.cancel(plan.planId(), "Testi päättyi");
  }

  @Test
  void aFilingSentForACaseOfAnotherKindIsKeptOnItAndGivenToItsGroup() {
    var reform =
        reforms.start(
            new fi.muutos.organisation.StartReform(
                "Uudistus " + UUID.randomUUID(),
                java.time.LocalDate.parse("2027-01-01"),
                null,
                java.util.List.of("Elinvoimalautakunta"),
                java.util.List.of("Elinvoima"),
                12,
                java.util.List.of(),
                null));
    // a muistutus for a reform: no reform step takes one
    String id =
        driver.send(
            "fi.muutos.zoning.reminder.filed", reform.businessKey(), "{\"date\":\"2026-03-18\"}");

    // no process that takes muistutukset runs for this case: on the case at once, not after 7 days
    assertThat(inbox.find(id).status()).isEqualTo("ON_CASE");
    assertThat(cases.filings(reform.businessKey()))
        .singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("OUTSIDE_STEP"));
    assertThat(cases.filings(reform.businessKey()).get(0).judgement())
        .startsWith("Ei mitään: menettely ei enää odottanut");
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(reform.businessKey())
            .processDefinitionKey(CaseFilingProcess.KEY)
            .singleResult();
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> "hallinto".equals(link.getGroupId()));
  }

  @Test
  void aMuistutusFiledAfterTheDisplayIsKeptButNotCounted() {
    Started plan = plan();
    String instance = plan.processInstanceId();
    throughDisplay(instance);
    procedure.cancel(plan.planId(), "Hanke peruttiin");

    String id =
        driver.send(
            "fi.muutos.zoning.reminder.filed", plan.businessKey(), "{\"date\":\"2026-03-19\"}");

    assertThat(inbox.find(id).status()).isEqualTo("ON_CASE");
    assertThat(plans.find(plan.planId()).reminders()).isZero();
    assertThat(plans.find(plan.planId()).lateSubmissions()).isEqualTo(1);
    assertThat(cases.filings(plan.businessKey()).get(0).judgement())
        .startsWith("Ei laskettu muistutukseksi: jätetty 19.3.2026");
  }

  @Test
  void anAppealFiledInTimeThatReachesAPlanInForceSaysItIsNotLegallyBinding() {
    Started plan = plan();
    String instance = plan.processInstanceId();
    throughDisplay(instance);
    driver.complete(
        instance, Elements.REPLY_TO_REMINDERS, fi.muutos.testing.ZoningSteps.reply(false));
    if (driver.active(instance).contains(Elements.BOARD_PROPOSAL)) {
      driver.complete(
          instance, Elements.BOARD_PROPOSAL, java.util.Map.of("boardProposalDate", "2026-03-19"));
    }
    driver.complete(
        instance,
        Elements.RECORD_DECISION,
        java.util.Map.of(
            "decisionBody", "Kaupunginvaltuusto",
            "decisionDate", "2026-04-20",
            "decisionOutcome", "APPROVED"));
    driver.complete(
        instance,
        Elements.LEGALITY_CHECK,
        java.util.Map.of("legalityCheckResult", "LAWFUL", "legalityCheckDate", "2026-04-20"));
    driver.complete(instance, Elements.PUBLISH_NOTICE, ZoningSteps.notice("2026-05-04"));
    driver.jobs(instance, Elements.APPEAL_PERIOD_ENDED);
    assertThat(driver.active(instance)).contains(Elements.CHECK_LEGAL_FORCE);
    java.time.LocalDate lastDay = plans.find(plan.planId()).appealEndsOn();

    driver.complete(
        instance,
        Elements.CHECK_LEGAL_FORCE,
        java.util.Map.of("appealsLodged", false, "legalForceCheck", "Ei valituksia"));
    String entry =
        plans
            .find(plan.planId())
            .legalDate(fi.muutos.zoning.ZoningStage.LEGALLY_BINDING)
            .orElseThrow()
            .plusDays(14)
            .toString();
    driver.complete(
        instance,
        Elements.ENTRY_INTO_FORCE_NOTICE,
        java.util.Map.of("entryIntoForceDate", entry, "backdatingReason", ZoningSteps.REASON));
    driver.jobs(instance, Elements.NOTE_MEASURE);
    driver.jobs(instance, Elements.REPORT_LEAD_TIMES);
    assertThat(driver.ended(instance, Elements.END_IN_FORCE)).isTrue();

    // filed on the period's last day; reaches Muutos after the plan was recorded in force
    String id =
        driver.send(
            "fi.muutos.zoning.appeal.filed",
            plan.businessKey(),
            "{\"court\":\"Hämeenlinnan hallinto-oikeus\",\"date\":\"" + lastDay + "\"}");
    assertThat(inbox.find(id).status()).isEqualTo("ON_CASE");
    assertThat(cases.filings(plan.businessKey()).get(0).judgement())
        .contains("valitusajassa", "kaava ei ole lainvoimainen ennen kuin valitus on ratkaistu");
  }

  @Test
  void anEventForNoCaseIsNoFiling() {
    String id =
        driver.send(
            "fi.muutos.zoning.reminder.filed",
            "KAAVA-1999-" + Math.abs(UUID.randomUUID().hashCode() % 1000),
            "{\"date\":\"2026-03-18\"}");
    assertThat(inbox.find(id).filingStatus()).isNull();
    assertThat(inbox.find(id).status()).isEqualTo("PENDING");
  }
}
