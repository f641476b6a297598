package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Elements.ANNOUNCE_INITIATION;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.AUTHORITIES_MEETING;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.DISPLAY_DRAFT;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.DISPLAY_ENDED;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.ENTRY_INTO_FORCE_NOTICE;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.PREPARE_PROPOSAL;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.PUBLISH_NOTICE;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.RECORD_DECISION;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.REPLY_TO_REMINDERS;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.STATEMENT_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.events.EventInbox;
import fi.muutos.events.InboundEventView;
import fi.muutos.platform.DomainException;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.strategy.StrategyService;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.MutableClock;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.StrategyFixtures;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.ZoningPlanProcedure.Started;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The zoning procedure on the real engine and PostgreSQL: one method per path. Jobs and timers are
 * executed by the test; decisions, statements and appeals arrive as CloudEvents over HTTP.
 */
@IntegrationTest
class ZoningPlanProcessTest {
  @Autowired ZoningPlanProcedure procedure;
  @Autowired ZoningPlans plans;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired EventInbox inbox;
  @Autowired MutableClock clock;
  @Autowired StrategyService strategy;
  @Autowired ProcessDriver driver;

  @Test
  void aMinorChangeSkipsTheDraftAndIsApprovedByTheDelegatedBody() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    plan.assertAt(PREPARE_PROPOSAL);
    plan.proposal("2026-03-04", "Hämeen elinvoimakeskus");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
    assertThat(plan.view().displayEndsOn()).isEqualTo(LocalDate.parse("2026-03-18")); // 14 days
    plan.statement("Hämeen elinvoimakeskus");
    plan.displayEnds();
    plan.reply(false);
    assertThat(plan.view().approvingBody()).isEqualTo("Hallintosäännön mukainen lautakunta");
    assertThat(taskService.getIdentityLinksForTask(plan.task(RECORD_DECISION).getId()))
        .anyMatch(link -> "kirjaamo".equals(link.getGroupId()));
    plan.decide("APPROVED");
    plan.notice("2026-05-04");
    plan.noAppeal();
    plan.intoForce();

    ZoningPlanView view = plan.view();
    assertThat(view.stage()).isEqualTo(ZoningStage.IN_FORCE);
    assertThat(view.ryhtiCode()).isEqualTo("13");
    assertThat(view.outcome()).isEqualTo("IN_FORCE");
    assertThat(view.stages())
        .extracting(ZoningPlanView.StageEntry::stage)
        .containsExactly(
            ZoningStage.INITIATED,
            ZoningStage.ANNOUNCED,
            ZoningStage.PROPOSAL,
            ZoningStage.APPROVED,
            ZoningStage.LEGALLY_BINDING,
            ZoningStage.IN_FORCE);
    assertThat(plan.visited()).doesNotContain(AUTHORITIES_MEETING, DISPLAY_DRAFT);
    assertThat(plan.ended(ZoningPlanProcess.Elements.END_IN_FORCE)).isTrue();
    assertThat(strategy.measure("M-KAAVOITUSPROSESSIT").log())
        .as("a single plan does not move the zoning-development measure")
        .noneMatch(c -> plan.instanceId.equals(c.processInstanceId()));
  }

  @Test
  void aPlanMovesTheMeasuresItWasStartedFor() {
    String measure = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");
    Started started =
        procedure.start(
            new StartPlan(
                "Toimenpiteen kaava " + UUID.randomUUID(),
                PlanType.MINOR_DETAILED_PLAN_CHANGE,
                false,
                "Satama",
                List.of(measure),
                null,
                null));
    Plan plan = new Plan(started);
    plan.job(ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    assertThat(strategy.measure(measure).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
    assertThat(strategy.measure(measure).log())
        .anyMatch(c -> plan.instanceId.equals(c.processInstanceId()));
  }

  @Test
  void onlyABodyThatMayApproveThePlanApprovesIt() throws Exception {
    Plan plan = displayedDetailedPlan();
    assertThat(plan.view().approvingBody()).isEqualTo("Kaupunginvaltuusto");
    plan.complete(
        ZoningPlanProcess.Elements.BOARD_PROPOSAL, Map.of("boardProposalDate", "2026-04-13"));
    // the registry's task: the city board may not approve a detailed plan
    assertThatThrownBy(
            () ->
                plan.complete(
                    RECORD_DECISION,
                    Map.of(
                        "decisionBody",
                        "Kaupunginhallitus",
                        "decisionDate",
                        "2026-04-20",
                        "decisionOutcome",
                        "APPROVED")))
        .hasMessageContaining("Kaavan hyväksyy Kaupunginvaltuusto");
    plan.assertAt(RECORD_DECISION);
    // nor a body the municipality does not have, whatever the outcome
    assertThatThrownBy(
            () ->
                plan.complete(
                    RECORD_DECISION,
                    Map.of(
                        "decisionBody",
                        "Tekninen lautakunta",
                        "decisionDate",
                        "2026-04-20",
                        "decisionOutcome",
                        "RETURNED")))
        .hasMessageContaining("ei ole kunnan toimielin")
        .hasMessageContaining("Kaupunginvaltuusto, Kaupunginhallitus");
    // the form's choices are the municipality's bodies
    assertThat(String.valueOf(runtimeService.getVariable(plan.instanceId, "decisionBodies")))
        .contains("label=Hallintosäännön mukainen lautakunta");
    // the meeting system's event: not taken, kept with the reason
    String eventId =
        plan.send(
            "fi.muutos.decision.made",
            "{\"body\":\"Kaupunginhallitus\",\"date\":\"2026-04-20\",\"outcome\":\"APPROVED\"}");
    assertThat(inbox.find(eventId).status()).isNotEqualTo("CORRELATED");
    plan.assertAt(RECORD_DECISION);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
    // the council does
    plan.decide("APPROVED");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPROVED);
  }

  @Test
  void aRegularDetailedPlanHasADraftStageAndTheCouncilApproves() {
    Plan plan = start(PlanType.DETAILED_PLAN, false);
    plan.announce();
    plan.assertAt(DISPLAY_DRAFT);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.DRAFT);
    plan.complete(DISPLAY_DRAFT, ZoningSteps.draft("2026-01-12"));
    plan.proposal("2026-03-04", "Hämeen elinvoimakeskus, Museovirasto");
    // 30 days from 4 March 2026 is Good Friday: the period ends on the Tuesday after Easter
    assertThat(plan.view().displayEndsOn()).isEqualTo(LocalDate.parse("2026-04-07"));
    plan.statement("Museovirasto");
    plan.statement("Hämeen elinvoimakeskus");
    plan.displayEnds();
    plan.reply(false);
    assertThat(plan.view().approvingBody()).isEqualTo("Kaupunginvaltuusto");
    plan.decide("APPROVED");
    plan.notice("2026-05-04");
    plan.noAppeal();
    plan.intoForce();
    assertThat(plan.visited()).contains(DISPLAY_DRAFT).doesNotContain(AUTHORITIES_MEETING);
    assertThat(plan.ended(ZoningPlanProcess.Elements.END_IN_FORCE)).isTrue();
  }

  @Test
  void aMasterPlanHasTheAuthoritiesMeetingAndOnlyTheCouncilApproves() {
    Plan plan = start(PlanType.MASTER_PLAN, false);
    plan.announce();
    plan.assertAt(AUTHORITIES_MEETING);
    plan.complete(AUTHORITIES_MEETING, Map.of("meetingDate", "2026-02-02"));
    plan.complete(DISPLAY_DRAFT, ZoningSteps.draft("2026-02-16"));
    plan.proposal("2026-06-01", ZoningSteps.MASTER_PLAN_STATEMENTS);
    assertThat(plan.view().displayEndsOn()).isEqualTo(LocalDate.parse("2026-07-01"));
    plan.statement("Hämeen elinvoimakeskus");
    plan.statement("Päijät-Hämeen liitto");
    plan.displayEnds();
    plan.reply(false);
    assertThat(plan.view().approvingBody()).isEqualTo("Kaupunginvaltuusto");
    plan.decide("APPROVED", "2026-07-06");
    plan.notice("2026-08-03");
    plan.noAppeal();
    plan.intoForce();
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.IN_FORCE);
  }

  /**
   * The walk: a master plan with one redisplay, a rectification request and an appeal
   * through the administrative court to the KHO ends in force with every legal date on the record.
   */
  @Test
  void aMasterPlanWalksThroughRedisplayRectificationAndTwoCourtsIntoForce() {
    Plan plan = start(PlanType.MASTER_PLAN, false);
    plan.complete(ANNOUNCE_INITIATION, ZoningSteps.announce("2025-09-01"));
    plan.complete(AUTHORITIES_MEETING, Map.of("meetingDate", "2025-09-15"));
    plan.complete(DISPLAY_DRAFT, ZoningSteps.draft("2025-10-01"));
    plan.proposal("2026-01-12", ZoningSteps.MASTER_PLAN_STATEMENTS);
    assertThat(plan.view().displayEndsOn()).isEqualTo(LocalDate.parse("2026-02-11"));
    plan.statement("Hämeen elinvoimakeskus");
    plan.statement("Päijät-Hämeen liitto");
    plan.displayEnds();
    plan.reply(true);
    plan.redisplay("2026-02-23", "2026-03-02", "Hämeen elinvoimakeskus");
    assertThat(plan.view().displayEndsOn())
        .as("30 days again")
        .isEqualTo(LocalDate.parse("2026-04-01"));
    plan.statement("Hämeen elinvoimakeskus");
    plan.displayEnds();
    plan.reply(false);
    plan.decide("APPROVED", "2026-04-20");
    plan.notice("2026-04-27");
    plan.rectificationRequested("2026-05-08");
    plan.answerRectification("KEPT", "2026-06-01");
    plan.appealFiled("2026-06-02");
    plan.courtDecides("HAO", "UPHELD", "2026-09-01", "2026-09-03");
    plan.appealFiled("2026-09-20");
    plan.courtDecides("KHO", "UPHELD", "2026-11-16", null);
    plan.intoForce();

    assertThat(plan.ended(ZoningPlanProcess.Elements.END_IN_FORCE)).isTrue();
    ZoningPlanView done = plan.view();
    assertThat(done.stages())
        .extracting(s -> s.ryhtiCode() + " " + s.stage() + " " + s.legalDate())
        .containsExactly(
            "01 INITIATED null",
            "02 ANNOUNCED 2025-09-01",
            "03 DRAFT 2025-10-01",
            "04 PROPOSAL 2026-01-12",
            "05 REVISED_PROPOSAL 2026-03-02",
            "06 APPROVED 2026-04-20",
            "07 RECTIFICATION_REQUESTED 2026-05-08",
            "06 APPROVED 2026-06-01",
            "08 APPEALED 2026-06-02",
            "08 APPEALED 2026-09-20",
            "12 LEGALLY_BINDING 2026-11-16",
            "13 IN_FORCE 2026-11-30");
    assertThat(done.noticeDate()).isEqualTo(LocalDate.parse("2026-04-27"));
    assertThat(done.court())
        .isEqualTo(new ZoningPlanView.Court("KHO", "UPHELD", LocalDate.parse("2026-11-16"), null));
    assertThat(done.approvingBody()).isEqualTo("Kaupunginvaltuusto");
  }

  @Test
  void aSubstantiallyChangedProposalIsDisplayedAgain() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    plan.proposal("2026-03-04", "Hämeen elinvoimakeskus");
    plan.statement("Hämeen elinvoimakeskus");
    plan.displayEnds();
    plan.reply(true);
    plan.assertAt(ZoningPlanProcess.Elements.DECIDE_REDISPLAY);
    LocalDate firstEnds = plan.view().displayEndsOn();

    // not from the first round's start: the changed proposal gets a period of its own
    assertThatThrownBy(() -> plan.redisplay("2026-03-18", "2026-03-18", "Hämeen elinvoimakeskus"))
        .hasMessageContaining("edellisen nähtävilläolon päätyttyä");
    // the decision to redisplay follows the replies, after the first display
    assertThatThrownBy(() -> plan.redisplay("2026-03-01", "2026-05-04", "Hämeen elinvoimakeskus"))
        .hasMessageContaining("redisplayDecisionDate) 1.3.2026 on aikaisempi");
    plan.assertAt(ZoningPlanProcess.Elements.DECIDE_REDISPLAY);
    // nor before its own decision to display
    assertThatThrownBy(() -> plan.redisplay("2026-05-04", "2026-04-30", "Hämeen elinvoimakeskus"))
        .hasMessageContaining("redisplayStart");
    plan.redisplay("2026-04-28", "2026-05-04", "Hämeen elinvoimakeskus");

    ZoningPlanView revised = plan.view();
    assertThat(revised.stage()).isEqualTo(ZoningStage.REVISED_PROPOSAL);
    assertThat(revised.ryhtiCode()).isEqualTo("05");
    assertThat(revised.displayRound()).isEqualTo(2);
    assertThat(revised.displayEndsOn())
        .as("the full 14 days again, counted from the new start")
        .isAfter(firstEnds)
        .isEqualTo(LocalDate.parse("2026-05-18"));
    assertThat(revised.stages().get(revised.stages().size() - 1).legalDate())
        .isEqualTo(LocalDate.parse("2026-05-04"));
    plan.assertAt(ZoningPlanProcess.Elements.STATEMENT_RECEIVED, false); // requested again
    plan.statement("Hämeen elinvoimakeskus");
    plan.displayEnds();
    plan.reply(false);
    plan.assertAt(RECORD_DECISION);
  }

  /**
   * AKL 65 §, MRA 19 §, 32 §: a redisplay is decided by a municipal body, announced and, where the
   * letters apply, told to landowners living elsewhere, like the first display.
   */
  @Test
  void aRedisplayHasItsOwnDecisionNoticeAndLetters() {
    Plan changed = displayedMinorChange();
    changed.reply(true);
    Map<String, Object> redisplay = new java.util.HashMap<>();
    redisplay.put("redisplayDecisionDate", "2026-03-25");
    redisplay.put("redisplayStart", "2026-04-06");
    redisplay.put("backdatingReason", REASON);
    assertThatThrownBy(
            () -> changed.complete(ZoningPlanProcess.Elements.DECIDE_REDISPLAY, redisplay))
        .hasMessageContaining("redisplayDecisionBody")
        .hasMessageContaining("redisplayNoticeDate");
    redisplay.put("redisplayDecisionBody", "Kaupunkikehityslautakunta");
    redisplay.put("redisplayNoticeDate", "2026-03-27");
    assertThatThrownBy(
            () -> changed.complete(ZoningPlanProcess.Elements.DECIDE_REDISPLAY, redisplay))
        .hasMessageContaining("redisplayLettersDate) puuttuu");
    redisplay.put("redisplayLettersDate", "2026-04-07");
    assertThatThrownBy(
            () -> changed.complete(ZoningPlanProcess.Elements.DECIDE_REDISPLAY, redisplay))
        .hasMessageContaining("redisplayLettersDate) 7.4.2026 on nähtävilläolon alun");
    redisplay.put("redisplayLettersDate", "2026-03-30");
    assertThatThrownBy(
            () -> changed.complete(ZoningPlanProcess.Elements.DECIDE_REDISPLAY, redisplay))
        .hasMessageContaining("on jokin kunnan toimielimistä");
    redisplay.put("redisplayDecisionBody", "Hallintosäännön mukainen lautakunta");
    redisplay.put("redisplayNoticeDate", "2026-03-20");
    assertThatThrownBy(
            () -> changed.complete(ZoningPlanProcess.Elements.DECIDE_REDISPLAY, redisplay))
        .hasMessageContaining("redisplayNoticeDate")
        .hasMessageContaining("20.3.2026 on aikaisempi kuin");
    redisplay.put("redisplayNoticeDate", "2026-03-27");
    changed.complete(ZoningPlanProcess.Elements.DECIDE_REDISPLAY, redisplay);
    assertThat(changed.view().stage()).isEqualTo(ZoningStage.REVISED_PROPOSAL);
  }

  /** N7: a plan prepared again is displayed anew, after the previous round, not on its dates. */
  @Test
  void aPlanPreparedAgainIsNotDisplayedOnTheFirstRoundsDates() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.throughDisplay(); // displayed 4.3.–18.3.
    plan.decide("RETURNED");
    plan.assertAt(PREPARE_PROPOSAL);
    assertThatThrownBy(() -> plan.proposal("2026-03-04", ""))
        .hasMessageContaining("displayDecisionDate")
        .hasMessageContaining("18.2.2026 on aikaisempi kuin");
    plan.proposal("2026-04-13", "");
    assertThat(plan.view().displayRound()).isEqualTo(2);
  }

  /**
   * AKL 65 §, MRA 27 §: a display lasts at least the law's days; the planner may make it longer.
   */
  @Test
  void aPlannerMayDisplayAProposalLongerThanTheLawsMinimum() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    Map<String, Object> shorter = new java.util.HashMap<>(ZoningSteps.proposal("2026-06-15", ""));
    shorter.put("proposalDisplayDays", 10);
    assertThatThrownBy(() -> plan.complete(PREPARE_PROPOSAL, shorter))
        .hasMessageContaining("vähintään 14 päivää");
    Map<String, Object> summer = new java.util.HashMap<>(ZoningSteps.proposal("2026-06-15", ""));
    summer.put("proposalDisplayDays", 30);
    plan.complete(PREPARE_PROPOSAL, summer);
    assertThat(plan.view().displayEndsOn()).isEqualTo(LocalDate.parse("2026-07-15"));
  }

  /** Kuntalaki 39 §: the council decides on the board's proposal, not before it. */
  @Test
  void theCouncilDecidesOnlyOnTheBoardsProposal() {
    Plan plan = displayedDetailedPlan(); // displayed until 3.4.
    plan.complete(
        ZoningPlanProcess.Elements.BOARD_PROPOSAL, Map.of("boardProposalDate", "2026-04-14"));
    assertThatThrownBy(() -> plan.decideOnly("Kaupunginvaltuusto", "APPROVED", "2026-04-10"))
        .hasMessageContaining("ennen hallituksen ehdotusta 2026-04-14");
    plan.decideOnly("Kaupunginvaltuusto", "APPROVED", "2026-04-20");
    plan.assertAt(ZoningPlanProcess.Elements.LEGALITY_CHECK);
  }

  /** AKL 63 §: the participation and assessment plan is a statutory document of the initiation. */
  @Test
  void theInitiationNamesItsParticipationAndAssessmentPlan() {
    Plan plan = start(PlanType.DETAILED_PLAN, false);
    Map<String, Object> noOas = new java.util.HashMap<>(ZoningSteps.announce("2026-01-05"));
    noOas.remove("oasReference");
    assertThatThrownBy(() -> plan.complete(ANNOUNCE_INITIATION, noOas))
        .hasMessageContaining("oasReference");
    plan.announce();
    assertThat(plan.legalDate(ZoningStage.ANNOUNCED)).isEqualTo(LocalDate.parse("2026-01-05"));
  }

  @Test
  void aReturnedPlanGoesBackToPreparation() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.throughDisplay();
    plan.decide("RETURNED");
    plan.assertAt(PREPARE_PROPOSAL);
  }

  @Test
  void anAdministrativeCourtsDecisionBecomesFinalOnlyAfterTheFurtherAppealPeriod() {
    Plan plan = approvedMinorChange();
    plan.appealFiled("2026-05-20");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPEALED);
    assertThat(plan.view().ryhtiCode()).isEqualTo("08");
    plan.courtDecides("HAO", "UPHELD", "2026-10-01", "2026-10-05");

    // AKL 190 §: the KHO may still be asked for leave, 30 days from service
    plan.assertAt(ZoningPlanProcess.Elements.FURTHER_APPEAL_PERIOD);
    ZoningPlanView waiting = plan.view();
    assertThat(waiting.stage()).as("still under appeal").isEqualTo(ZoningStage.APPEALED);
    assertThat(waiting.court().court()).isEqualTo("HAO");
    assertThat(waiting.court().furtherAppealEndsOn()).isEqualTo(LocalDate.parse("2026-11-04"));
    assertThat(waiting.nextDeadline()).isEqualTo(LocalDate.parse("2026-11-04"));

    plan.job(ZoningPlanProcess.Elements.FURTHER_APPEAL_PERIOD_ENDED);
    plan.assertAt(ZoningPlanProcess.Elements.CHECK_FURTHER_APPEAL);
    assertThat(plan.task(ZoningPlanProcess.Elements.CHECK_FURTHER_APPEAL).getDueDate())
        .as("due a week after the period, on a working day")
        .isEqualTo(java.sql.Date.valueOf("2026-11-11"));
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPEALED);
    plan.checkFurtherAppeal(false);

    assertThat(plan.view().stage()).isEqualTo(ZoningStage.LEGALLY_BINDING);
    assertThat(plan.legalDate(ZoningStage.LEGALLY_BINDING))
        .isEqualTo(LocalDate.parse("2026-11-05"));
    plan.intoForce();
    assertThat(plan.ended(ZoningPlanProcess.Elements.END_IN_FORCE)).isTrue();
  }

  @Test
  void aFurtherAppealToTheKhoKeepsThePlanUnderAppealUntilTheKhoDecides() {
    Plan plan = approvedMinorChange();
    plan.appealFiled("2026-05-20");
    // served on the 7th day after the decision when the court does not say
    plan.courtDecides("HAO", "UPHELD", "2026-08-03", null);
    assertThat(plan.view().court().furtherAppealEndsOn()).isEqualTo(LocalDate.parse("2026-09-09"));
    plan.appealFiled("2026-09-01");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPEALED);
    plan.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT);

    plan.courtDecides("KHO", "UPHELD", "2026-11-20", null);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.LEGALLY_BINDING);
    assertThat(plan.legalDate(ZoningStage.LEGALLY_BINDING))
        .as("a KHO decision is final on its date")
        .isEqualTo(LocalDate.parse("2026-11-20"));
    assertThat(plan.view().court().court()).isEqualTo("KHO");
  }

  @Test
  void aFurtherAppealFoundByTheRegistrysCheckKeepsThePlanUnderAppeal() {
    Plan plan = approvedMinorChange();
    plan.appealFiled("2026-05-20");
    plan.courtDecides("HAO", "UPHELD", "2026-08-03", "2026-08-04");
    plan.job(ZoningPlanProcess.Elements.FURTHER_APPEAL_PERIOD_ENDED);
    plan.checkFurtherAppeal(true);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPEALED);
    plan.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT);
  }

  @Test
  void aCourtDecisionWithoutItsCourtOrDatedAheadIsRefused() {
    Plan plan = approvedMinorChange();
    plan.appealFiled("2026-05-20");
    assertThatThrownBy(
            () ->
                plan.send(
                    "fi.muutos.zoning.appeal.decided",
                    "{\"outcome\":\"UPHELD\",\"date\":\"2026-10-01\"}"))
        .hasMessageContaining("data/court is required");
    assertThatThrownBy(
            () ->
                plan.send(
                    "fi.muutos.zoning.appeal.decided",
                    "{\"outcome\":\"UPHELD\",\"date\":\"2026-10-01\",\"court\":\"KKO\"}"))
        .hasMessageContaining("court");
    // a decision dated tomorrow, or served "huomenna", is not a decision yet
    String tomorrow = LocalDate.now(clock).plusDays(1).toString();
    assertThatThrownBy(
            () ->
                plan.send(
                    "fi.muutos.zoning.appeal.decided",
                    "{\"outcome\":\"UPHELD\",\"date\":\"" + tomorrow + "\",\"court\":\"KHO\"}"))
        .hasMessageContaining("data/date must not be after today");
    assertThatThrownBy(
            () ->
                plan.send(
                    "fi.muutos.zoning.appeal.decided",
                    "{\"outcome\":\"UPHELD\",\"date\":\"2026-10-01\",\"court\":\"HAO\","
                        + "\"servedOn\":\"huomenna\"}"))
        .hasMessageContaining("data/servedOn must be a date");
    assertThatThrownBy(
            () ->
                plan.send(
                    "fi.muutos.zoning.rectification.requested", "{\"date\":\"" + tomorrow + "\"}"))
        .hasMessageContaining("must not be after today");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPEALED);
  }

  @Test
  void anAnnulledPlanEndsWhenTheAnnulmentIsFinal() {
    Plan plan = approvedMinorChange();
    plan.appealFiled("2026-05-20");
    plan.courtDecides("HAO", "ANNULLED", "2026-10-01", "2026-10-05");
    assertThat(plan.view().stage()).as("the city may still appeal").isEqualTo(ZoningStage.APPEALED);
    plan.job(ZoningPlanProcess.Elements.FURTHER_APPEAL_PERIOD_ENDED);
    plan.checkFurtherAppeal(false);

    assertThat(plan.ended(ZoningPlanProcess.Elements.END_ANNULLED)).isTrue();
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.ANNULLED);
    assertThat(plan.view().ryhtiCode()).as("Ryhti 14 Kumoutunut").isEqualTo("14");
    assertThat(plan.view().outcome()).isEqualTo("ANNULLED");
    assertThat(plan.legalDate(ZoningStage.ANNULLED)).isEqualTo(LocalDate.parse("2026-11-05"));
  }

  /**
   * KuntaL 141–143 §, AKL 188–190 §: a court rejects the appeals, annuls the decision, annuls it in
   * part (the rest becomes legally binding) or, the KHO, returns the matter to the administrative
   * court; every appeal is on the record, also one lodged while the court decides.
   */
  @Test
  void courtOutcomesAreTheOnesACourtGives() {
    Plan plan = approvedMinorChange();
    plan.appealFiled("2026-05-20");
    plan.appealFiled("2026-05-28"); // another appellant while the court decides
    assertThat(plan.view().stages()).filteredOn(s -> s.stage() == ZoningStage.APPEALED).hasSize(2);
    // an administrative court does not return a matter to itself
    InboundEventView toItself =
        inbox.find(
            plan.send(
                "fi.muutos.zoning.appeal.decided",
                "{\"court\":\"HAO\",\"outcome\":\"RETURNED_TO_HAO\",\"date\":\"2026-07-01\"}"));
    assertThat(toItself.status()).isEqualTo("PENDING");
    assertThat(toItself.reason()).contains("Vain korkein hallinto-oikeus palauttaa");
    plan.courtDecides("HAO", "UPHELD", "2026-07-01", "2026-07-03");
    plan.appealFiled("2026-07-20"); // an application for leave to the KHO
    plan.courtDecides("KHO", "RETURNED_TO_HAO", "2026-09-15", null);
    plan.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPEALED);
    plan.courtDecides("HAO", "ANNULLED_IN_PART", "2026-10-15", "2026-10-16");
    plan.job(ZoningPlanProcess.Elements.FURTHER_APPEAL_PERIOD_ENDED);
    plan.checkFurtherAppeal(false);
    assertThat(plan.view().stage())
        .as("the rest of the plan")
        .isEqualTo(ZoningStage.LEGALLY_BINDING);
    assertThat(plan.view().court().outcome()).isEqualTo("ANNULLED_IN_PART");
    assertThat(plan.legalDate(ZoningStage.LEGALLY_BINDING))
        .isEqualTo(LocalDate.parse("2026-11-17"));
  }

  /** A court annulled the approval and the city prepares the same plan again: 04, not 08. */
  @Test
  void aPlanWhoseApprovalACourtAnnulledIsPreparedAgainAsAProposal() {
    Plan plan = approvedMinorChange();
    plan.appealFiled("2026-05-20");
    plan.courtDecides("KHO", "RETURNED", "2026-09-15", null);
    plan.assertAt(PREPARE_PROPOSAL);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
  }

  /**
   * Issue 34, N10: an appeal lodged in time but found after legal force was recorded corrects the
   * record (12 in error, under appeal again, the correction on the record); a late one does not.
   */
  @Test
  void legalForceRecordedInErrorIsCorrectedWhenAnAppealInTimeIsFound() {
    Plan plan = approvedMinorChange(); // the appeal period ends on 10.6.
    plan.noAppeal();
    plan.assertAt(ENTRY_INTO_FORCE_NOTICE);
    InboundEventView late =
        inbox.find(
            plan.send(
                "fi.muutos.zoning.appeal.filed",
                "{\"court\":\"Hämeenlinnan hallinto-oikeus\",\"date\":\"2026-06-12\"}"));
    assertThat(late.status()).isEqualTo("PENDING");
    assertThat(late.reason()).contains("valitusajan (2026-06-10) jälkeen");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.LEGALLY_BINDING);
    plan.appealFiled("2026-06-09");
    plan.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPEALED);
    assertThat(plan.view().corrections())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.stage()).isEqualTo("LEGALLY_BINDING");
              assertThat(c.newStage()).isEqualTo("APPEALED");
              assertThat(c.reason()).contains("kirjattiin virheellisesti");
            });
  }

  /** Issue 34, N10: a legal date entered wrong is corrected as an act of its own on the record. */
  @Test
  void aLegalDateEnteredWrongIsCorrectedOnTheRecord() {
    Plan plan = approvedMinorChange();
    plans.correctLegalDate(
        plan.id,
        ZoningStage.APPROVED,
        LocalDate.parse("2026-04-21"),
        "Pöytäkirjan päivä luettiin väärin",
        "kirjaaja");
    assertThat(plan.legalDate(ZoningStage.APPROVED)).isEqualTo(LocalDate.parse("2026-04-21"));
    assertThat(plan.view().corrections())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.oldDate()).isEqualTo(LocalDate.parse("2026-04-20"));
              assertThat(c.newDate()).isEqualTo(LocalDate.parse("2026-04-21"));
              assertThat(c.correctedBy()).isEqualTo("kirjaaja");
            });
    assertThatThrownBy(
            () ->
                plans.correctLegalDate(
                    plan.id, ZoningStage.IN_FORCE, LocalDate.parse("2026-04-21"), "x", "kirjaaja"))
        .hasMessageContaining("ei ole vaihetta");
    String tomorrow = LocalDate.now(clock).plusDays(1).toString();
    assertThatThrownBy(
            () ->
                plans.correctLegalDate(
                    plan.id, ZoningStage.APPROVED, LocalDate.parse(tomorrow), "x", "kirjaaja"))
        .hasMessageContaining("tulevaisuudessa");
    assertThat(plan.view().corrections()).hasSize(1);
  }

  @Test
  void aRectificationRequestHoldsThePlanUntilTheCouncilAnswers() {
    Plan plan = approvedMinorChange();
    plan.rectificationRequested("2026-05-15");
    ZoningPlanView requested = plan.view();
    assertThat(requested.stage()).isEqualTo(ZoningStage.RECTIFICATION_REQUESTED);
    assertThat(requested.ryhtiCode()).isEqualTo("07");
    assertThat(plan.legalDate(ZoningStage.RECTIFICATION_REQUESTED))
        .isEqualTo(LocalDate.parse("2026-05-15"));
    plan.assertAt(ZoningPlanProcess.Elements.ANSWER_RECTIFICATION);
    // the council cannot answer before the request
    assertThatThrownBy(() -> plan.answerRectification("KEPT", "2026-05-14"))
        .hasMessageContaining("rectificationAnswerDate")
        .hasMessageContaining("14.5.2026 on aikaisempi kuin oikaisukehotus");

    plan.answerRectification("KEPT", "2026-06-01");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPROVED);
    plan.noAppeal();
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.LEGALLY_BINDING);
  }

  @Test
  void anAppealLodgedWhileARectificationRequestIsOpenIsBoth09() {
    Plan plan = approvedMinorChange();
    plan.rectificationRequested("2026-05-15");
    plan.appealFiled("2026-05-20");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.RECTIFICATION_AND_APPEAL);
    assertThat(plan.view().ryhtiCode()).isEqualTo("09");
    plan.assertAt(ZoningPlanProcess.Elements.ANSWER_RECTIFICATION);

    plan.answerRectification("KEPT", "2026-06-01");
    assertThat(plan.view().stage()).as("the appeal remains").isEqualTo(ZoningStage.APPEALED);
    plan.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT);
  }

  @Test
  void aRevokedApprovalGoesBackToTheCouncil() {
    Plan plan = approvedMinorChange();
    plan.rectificationRequested("2026-05-15");
    plan.answerRectification("REVOKED", "2026-06-01");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
    plan.assertAt(RECORD_DECISION);
  }

  @Test
  void aRectificationRequestFoundAtTheLegalForceCheckHoldsThePlan() {
    Plan plan = approvedMinorChange();
    plan.job(ZoningPlanProcess.Elements.APPEAL_PERIOD_ENDED);
    plan.rectificationRequested("2026-06-05");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.RECTIFICATION_REQUESTED);
    plan.assertAt(ZoningPlanProcess.Elements.ANSWER_RECTIFICATION);
  }

  @Test
  void aPlanTheCouncilApprovesGoesToItOnTheBoardsProposalAndTheBoardChecksTheDecision() {
    Plan plan = displayedDetailedPlan();
    plan.assertAt(ZoningPlanProcess.Elements.BOARD_PROPOSAL);
    // the board cannot propose before the display ended
    assertThatThrownBy(
            () ->
                plan.complete(
                    ZoningPlanProcess.Elements.BOARD_PROPOSAL,
                    Map.of("boardProposalDate", "2026-03-20")))
        .hasMessageContaining("boardProposalDate) 20.3.2026 on aikaisempi");
    plan.decideOnly("Kaupunginvaltuusto", "APPROVED", "2026-04-20");
    plan.assertAt(ZoningPlanProcess.Elements.LEGALITY_CHECK);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPROVED);

    // kuntalaki 96 §: an unlawful decision goes back to the council
    plan.legalityCheck("REFERRED_BACK", "2026-04-27");
    plan.assertAt(RECORD_DECISION);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
    plan.decideOnly("Kaupunginvaltuusto", "APPROVED", "2026-05-11");
    plan.legalityCheck("LAWFUL", "2026-05-18");
    plan.assertAt(PUBLISH_NOTICE);
    // AKL 67 §: the notice is not done until those the law names were told
    assertThatThrownBy(
            () ->
                plan.complete(
                    PUBLISH_NOTICE,
                    Map.of(
                        "noticeDate",
                        "2026-05-20",
                        "notifiedElinvoimakeskus",
                        true,
                        "notifiedRegionalCouncil",
                        false,
                        "notifiedReminderFilers",
                        true,
                        "backdatingReason",
                        REASON)))
        .hasMessageContaining("notifiedRegionalCouncil) on vahvistettava");
    plan.notice("2026-05-20");
    plan.assertAt(ZoningPlanProcess.Elements.APPEAL_PERIOD);
  }

  /**
   * Kuntalaki 92 §, 140 §: the board may take a delegated body's decision over until the
   * oikaisuvaatimus period ends (the minutes' publication + 7 + 14 days, to a working day), also
   * while the appeal period runs; the notice does not wait for it; after a take-over only the board
   * decides; a take-over after the period, of the council's decision or of the board's own is
   * refused.
   */
  @Test
  void theBoardTakesADelegatedDecisionOverUntilTheOikaisuvaatimusPeriodEnds() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.throughDisplay();
    plan.assertAt(RECORD_DECISION); // no board proposal: the delegated body decides
    plan.decideOnly("Hallintosäännön mukainen lautakunta", "APPROVED", "2026-04-20");
    // AKL 67 §: the notice goes out at once, not after a window
    plan.assertAt(PUBLISH_NOTICE);
    plan.notice("2026-05-04");
    plan.assertAt(ZoningPlanProcess.Elements.APPEAL_PERIOD);

    // published 4.5., deemed received 11.5., + 14 days: the last day is Monday 25.5.
    InboundEventView late =
        inbox.find(
            plan.send(
                "fi.muutos.decision.taken-over",
                "{\"body\":\"Kaupunginhallitus\",\"date\":\"2026-05-26\"}"));
    // a legal filing: refused by the rule, it stays on the case for the registry (ADR 0052)
    assertThat(late.status()).isEqualTo("PENDING");
    assertThat(late.reason()).contains("Otto-oikeuden aika päättyi 2026-05-25");
    InboundEventView notTheBoard =
        inbox.find(
            plan.send(
                "fi.muutos.decision.taken-over",
                "{\"body\":\"Kaupunginvaltuusto\",\"date\":\"2026-05-20\"}"));
    assertThat(notTheBoard.status()).isEqualTo("PENDING");
    assertThat(notTheBoard.reason()).contains("Asian ottaa käsiteltäväksi Kaupunginhallitus");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPROVED);

    // in time, while the appeal period runs: the delegated approval does not stand
    plan.event(
        "fi.muutos.decision.taken-over",
        "{\"body\":\"Kaupunginhallitus\",\"date\":\"2026-05-25\"}");
    plan.assertAt(RECORD_DECISION);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);

    // the body that lost the matter cannot decide it; the board can
    assertThatThrownBy(
            () -> plan.decideOnly("Hallintosäännön mukainen lautakunta", "APPROVED", "2026-06-01"))
        .hasMessageContaining("otti asian käsiteltäväkseen");
    plan.decideOnly("Kaupunginhallitus", "APPROVED", "2026-06-01");
    plan.assertAt(PUBLISH_NOTICE);
    assertThat(plan.view().decidedBy()).isEqualTo("Kaupunginhallitus");
    // nobody takes the board's own decision over
    InboundEventView own =
        inbox.find(
            plan.send(
                "fi.muutos.decision.taken-over",
                "{\"body\":\"Kaupunginhallitus\",\"date\":\"2026-06-02\"}"));
    assertThat(own.status()).isEqualTo("PENDING");
    assertThat(own.reason()).contains("otto-oikeus koskee vain");
    plan.notice("2026-06-08");
    plan.noAppeal();
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.LEGALLY_BINDING);
  }

  /** Kuntalaki 92 §: a take-over reaches a plan under appeal as long as the period lasts. */
  @Test
  void aTakeOverInTimeIsHeardWhileThePlanIsUnderAppeal() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.throughDisplay();
    plan.decideOnly("Hallintosäännön mukainen lautakunta", "APPROVED", "2026-04-20");
    plan.notice("2026-05-04");
    plan.appealFiled("2026-05-12");
    plan.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT);
    plan.event(
        "fi.muutos.decision.taken-over",
        "{\"body\":\"Kaupunginhallitus\",\"date\":\"2026-05-18\"}");
    plan.assertAt(RECORD_DECISION);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
  }

  /**
   * AKL 195 §: after the approving body keeps its decision, the elinvoimakeskus may still appeal
   * within 30 days of the answer's service; the plan is not final before that, even when the answer
   * comes after the original appeal period.
   */
  @Test
  void aKeptDecisionWaitsForTheElinvoimakeskusOwnAppealPeriod() {
    Plan plan = approvedMinorChange(); // appeal period until 10.6.
    plan.rectificationRequested("2026-05-15");
    assertThat(runtimeService.getVariable(plan.instanceId, "rectificationLate"))
        .as("11 days after the notice reached it")
        .isEqualTo(false);
    plan.answerRectification("KEPT", "2026-06-20", "2026-06-22");
    // served 22.6. + 30 days: Wednesday 22.7.
    assertThat(plan.view().appealEndsOn()).isEqualTo(LocalDate.parse("2026-07-22"));
    Job period =
        managementService
            .createJobQuery()
            .processInstanceId(plan.instanceId)
            .activityId(ZoningPlanProcess.Elements.APPEAL_PERIOD_ENDED)
            .singleResult();
    assertThat(period.getDuedate().toInstant())
        .isEqualTo(java.time.OffsetDateTime.parse("2026-07-23T00:00+03:00").toInstant());
    plan.noAppeal();
    assertThat(plan.legalDate(ZoningStage.LEGALLY_BINDING))
        .as("not dated before the answer")
        .isEqualTo(LocalDate.parse("2026-07-23"));
  }

  /** AKL 195 §: 14 days from the AKL 67 § notice; a later request is flagged on its task. */
  @Test
  void aRectificationRequestAfterItsFourteenDaysIsFlagged() {
    Plan plan = approvedMinorChange(); // the elinvoimakeskus was notified on 4.5.
    plan.rectificationRequested("2026-05-25");
    assertThat(runtimeService.getVariable(plan.instanceId, "rectificationLate")).isEqualTo(true);
    plan.assertAt(ZoningPlanProcess.Elements.ANSWER_RECTIFICATION);
  }

  /** AKL 195 §: a request is heard from the approval on, and a kept decision goes on from there. */
  @Test
  void aRectificationRequestIsHeardFromTheApprovalOn() {
    Plan plan = displayedDetailedPlan();
    plan.decideOnly("Kaupunginvaltuusto", "APPROVED", "2026-04-20");
    plan.assertAt(ZoningPlanProcess.Elements.LEGALITY_CHECK);
    plan.rectificationRequested("2026-04-22");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.RECTIFICATION_REQUESTED);
    plan.answerRectification("KEPT", "2026-04-27", null);
    plan.assertAt(ZoningPlanProcess.Elements.LEGALITY_CHECK);
    plan.legalityCheck("LAWFUL", "2026-04-28");
    plan.assertAt(PUBLISH_NOTICE);
    plan.rectificationRequested("2026-04-29");
    plan.answerRectification("KEPT", "2026-05-04", "2026-05-20");
    plan.assertAt(PUBLISH_NOTICE);
    plan.notice("2026-05-06");
    // the answer's service (20.5.) + 30 days, later than the notice's (13.5. + 30 = 12.6.),
    // falls on Midsummer Eve: the next working day
    assertThat(plan.view().appealEndsOn()).isEqualTo(LocalDate.parse("2026-06-22"));
  }

  /** AKL 195 §: a revocation while an appeal is pending is told to the court and the appellants. */
  @Test
  void aRevocationUnderAppealIsToldToTheCourtAndTheAppellants() {
    Plan plan = approvedMinorChange();
    plan.rectificationRequested("2026-05-15");
    plan.appealFiled("2026-05-20");
    plan.answerRectification("REVOKED", "2026-06-01", null);
    plan.assertAt(ZoningPlanProcess.Elements.INFORM_COURT_OF_REVOCATION);
    assertThatThrownBy(
            () ->
                plan.complete(
                    ZoningPlanProcess.Elements.INFORM_COURT_OF_REVOCATION,
                    Map.of("courtInformedOn", "2026-05-30", "appellantsInformed", true)))
        .hasMessageContaining("courtInformedOn) 30.5.2026 on aikaisempi");
    plan.complete(
        ZoningPlanProcess.Elements.INFORM_COURT_OF_REVOCATION,
        Map.of("courtInformedOn", "2026-06-03", "appellantsInformed", true));
    plan.assertAt(RECORD_DECISION);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
  }

  @Test
  void aMinorChangeTakesOpinionsWithItsInitiationNotice() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    assertThatThrownBy(
            () ->
                plan.complete(
                    ANNOUNCE_INITIATION,
                    Map.of(
                        "announcementDate",
                        "2026-01-05",
                        "oasReference",
                        "OAS 1/2026",
                        "backdatingReason",
                        REASON)))
        .hasMessageContaining("initiationOpinionsUntil) puuttuu")
        .hasMessageContaining("MRA 30 §");
    // the summary is written when the opinions' period is over, not before it
    Map<String, Object> early = new java.util.HashMap<>(ZoningSteps.announce("2026-01-05"));
    early.put("initiationOpinionsUntil", LocalDate.now(clock).plusDays(5).toString());
    assertThatThrownBy(() -> plan.complete(ANNOUNCE_INITIATION, early))
        .hasMessageContaining("initiationOpinionsUntil")
        .hasMessageContaining("tulevaisuudessa");
    plan.announce();
    assertThat(plan.legalDate(ZoningStage.ANNOUNCED)).isEqualTo(LocalDate.parse("2026-01-05"));
  }

  /**
   * MRA 20 §, 28 §, AKL 65 §: a master plan's proposal asks the regional council and the
   * elinvoimakeskus, and the neighbouring municipalities unless a written reason says the plan does
   * not concern them; a detailed plan asks the elinvoimakeskus and the regional council or says why
   * not; a body is named as the municipality's list has it.
   */
  @Test
  void aProposalAsksTheStatementsTheLawRequires() {
    Plan master = start(PlanType.MASTER_PLAN, false);
    master.announce();
    master.complete(AUTHORITIES_MEETING, Map.of("meetingDate", "2026-01-20"));
    master.complete(DISPLAY_DRAFT, ZoningSteps.draft("2026-02-02"));
    Map<String, Object> none = withoutOmissionReason(ZoningSteps.proposal("2026-04-01", ""));
    assertThatThrownBy(() -> master.complete(PREPARE_PROPOSAL, none))
        .hasMessageContaining(
            "lausuntoa ei pyydetä taholta Päijät-Hämeen liitto, Hämeen"
                + " elinvoimakeskus: ehdotuksesta on pyydettävä niiden lausunnot");
    // a reason does not excuse the bodies the law names for a master plan
    Map<String, Object> reasoned = new java.util.HashMap<>(ZoningSteps.proposal("2026-04-01", ""));
    assertThatThrownBy(() -> master.complete(PREPARE_PROPOSAL, reasoned))
        .hasMessageContaining("ehdotuksesta on pyydettävä niiden lausunnot (MRA 20 §");
    // a body not on the list, e.g. the old name, is refused with the list
    Map<String, Object> oldName =
        withoutOmissionReason(
            ZoningSteps.proposal("2026-04-01", "Päijät-Hämeen liitto, Hämeen ELY-keskus"));
    assertThatThrownBy(() -> master.complete(PREPARE_PROPOSAL, oldName))
        .hasMessageContaining("'Hämeen ELY-keskus' ei ole kunnan lausunnonantajaluettelossa")
        .hasMessageContaining("valitse: Päijät-Hämeen liitto, Hämeen elinvoimakeskus");
    // the neighbours are asked, or left out with a reason
    Map<String, Object> noNeighbours =
        withoutOmissionReason(
            ZoningSteps.proposal("2026-04-01", "päijät-hämeen liitto, Hämeen elinvoimakeskus"));
    assertThatThrownBy(() -> master.complete(PREPARE_PROPOSAL, noNeighbours))
        .hasMessageContaining("Asikkalan kunta")
        .hasMessageContaining("kirjaa perustelu");
    master.proposal("2026-04-01", "päijät-hämeen liitto, Hämeen elinvoimakeskus=2026-04-20");
    assertThat(master.view().statements())
        .extracting(ZoningPlanView.Statement::authority)
        .as("named as the list has them")
        .containsExactlyInAnyOrder("Päijät-Hämeen liitto", "Hämeen elinvoimakeskus");

    Plan detailed = start(PlanType.DETAILED_PLAN, false);
    detailed.announce();
    detailed.complete(DISPLAY_DRAFT, ZoningSteps.draft("2026-01-12"));
    Map<String, Object> unasked = withoutOmissionReason(ZoningSteps.proposal("2026-03-04", ""));
    assertThatThrownBy(() -> detailed.complete(PREPARE_PROPOSAL, unasked))
        .hasMessageContaining("Hämeen elinvoimakeskus, Päijät-Hämeen liitto")
        .hasMessageContaining("MRA 20 §, 28 §");
    // a statement period shorter than the display needs its reason too
    Map<String, Object> shortPeriod =
        withoutOmissionReason(
            ZoningSteps.proposal(
                "2026-03-04", "Hämeen elinvoimakeskus=2026-03-20, Päijät-Hämeen liitto"));
    assertThatThrownBy(() -> detailed.complete(PREPARE_PROPOSAL, shortPeriod))
        .hasMessageContaining("lausuntoaika (Hämeen elinvoimakeskus 2026-03-20) päättyy ennen")
        .hasMessageContaining("kirjaa perustelu lyhyemmälle ajalle");
    detailed.proposal("2026-03-04", "");
    assertThat(detailed.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
  }

  private static Map<String, Object> withoutOmissionReason(Map<String, Object> values) {
    Map<String, Object> without = new java.util.LinkedHashMap<>(values);
    without.remove("statementOmissionReason");
    return without;
  }

  @Test
  void aMasterPlansProposalIsDisplayedOnlyAfterItsDecisionNoticeAndLetters() {
    Plan plan = start(PlanType.MASTER_PLAN, false);
    plan.announce();
    plan.complete(AUTHORITIES_MEETING, Map.of("meetingDate", "2026-01-20"));
    plan.complete(DISPLAY_DRAFT, ZoningSteps.draft("2026-02-02"));
    // MRA 19 §: the letters to landowners living elsewhere go at least 7 days before
    Map<String, Object> lateLetters =
        new java.util.HashMap<>(
            ZoningSteps.proposal("2026-04-01", ZoningSteps.MASTER_PLAN_STATEMENTS));
    lateLetters.put("landownerLettersDate", "2026-03-28");
    assertThatThrownBy(() -> plan.complete(PREPARE_PROPOSAL, lateLetters))
        .hasMessageContaining("landownerLettersDate) 28.3.2026 on alle 7 päivää");
    // the notice cannot come before the decision it announces
    Map<String, Object> earlyNotice =
        new java.util.HashMap<>(
            ZoningSteps.proposal("2026-04-01", ZoningSteps.MASTER_PLAN_STATEMENTS));
    earlyNotice.put("displayNoticeDate", "2026-03-01");
    assertThatThrownBy(() -> plan.complete(PREPARE_PROPOSAL, earlyNotice))
        .hasMessageContaining("displayNoticeDate");
    // nor the decision to display before the draft's opinions were over (AKL 62 §)
    Map<String, Object> earlyDecision =
        new java.util.HashMap<>(
            ZoningSteps.proposal("2026-04-01", ZoningSteps.MASTER_PLAN_STATEMENTS));
    earlyDecision.put("displayDecisionDate", "2026-01-30");
    earlyDecision.put("displayNoticeDate", "2026-02-10");
    assertThatThrownBy(() -> plan.complete(PREPARE_PROPOSAL, earlyDecision))
        .hasMessageContaining("displayDecisionDate")
        .hasMessageContaining("30.1.2026 on aikaisempi kuin mielipiteiden aika päättyy 4.3.2026");
    plan.assertAt(PREPARE_PROPOSAL);
    plan.proposal("2026-04-01", ZoningSteps.MASTER_PLAN_STATEMENTS);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
  }

  @Test
  void anAuthoritiesMeetingAtTheProposalStageIsHeldWhereNeeded() {
    Plan plan = displayedMinorChange();
    plan.complete(
        REPLY_TO_REMINDERS,
        Map.of(
            "proposalChanges",
            "NONE",
            "proposalAuthoritiesMeeting",
            true,
            "reminderRepliesSent",
            "NOBODY_ASKED"));
    plan.assertAt(ZoningPlanProcess.Elements.PROPOSAL_AUTHORITIES_MEETING);
    assertThatThrownBy(
            () ->
                plan.complete(
                    ZoningPlanProcess.Elements.PROPOSAL_AUTHORITIES_MEETING,
                    Map.of(
                        "proposalMeetingDate",
                        "2026-02-20",
                        "proposalMeetingMinutes",
                        "M",
                        "meetingChanges",
                        "NONE")))
        .hasMessageContaining("proposalMeetingDate) 20.2.2026 on aikaisempi");
    plan.complete(
        ZoningPlanProcess.Elements.PROPOSAL_AUTHORITIES_MEETING,
        Map.of(
            "proposalMeetingDate",
            "2026-03-25",
            "proposalMeetingMinutes",
            "Muistio HEI/9/2026",
            "meetingChanges",
            "NONE"));
    plan.assertAt(RECORD_DECISION);
  }

  /**
   * MRA 32 §, AKL 66 §: the authorities often ask for changes at the proposal-stage meeting; a
   * substantial one sends the proposal back on display.
   */
  @Test
  void theProposalStageMeetingCanSendTheProposalBackOnDisplay() {
    Plan plan = displayedMinorChange();
    Map<String, Object> reply = new java.util.HashMap<>(ZoningSteps.reply(false));
    reply.put("proposalAuthoritiesMeeting", true);
    plan.complete(REPLY_TO_REMINDERS, reply);
    plan.complete(
        ZoningPlanProcess.Elements.PROPOSAL_AUTHORITIES_MEETING,
        Map.of(
            "proposalMeetingDate",
            "2026-03-25",
            "proposalMeetingMinutes",
            "Elinvoimakeskus edellytti muutoksia",
            "meetingChanges",
            "REDISPLAY"));
    plan.assertAt(ZoningPlanProcess.Elements.DECIDE_REDISPLAY);
  }

  /**
   * MRA 32 §: changes that slightly affect private interests are not displayed again when those
   * concerned are heard; whom and when is on the record.
   */
  @Test
  void slightChangesAreHeardInsteadOfARedisplay() {
    Plan plan = displayedMinorChange();
    Map<String, Object> heard = new java.util.HashMap<>(ZoningSteps.reply(false));
    heard.put("proposalChanges", "HEARD");
    assertThatThrownBy(() -> plan.complete(REPLY_TO_REMINDERS, heard))
        .hasMessageContaining("changesHeardParties) puuttuu")
        .hasMessageContaining("changesHeardOn) puuttuu");
    heard.put("changesHeardParties", "Kiinteistön 111-1-2-3 omistajat");
    heard.put("changesHeardOn", "2026-03-01");
    assertThatThrownBy(() -> plan.complete(REPLY_TO_REMINDERS, heard))
        .hasMessageContaining("changesHeardOn) 1.3.2026 on aikaisempi");
    heard.put("changesHeardOn", "2026-04-08");
    plan.complete(REPLY_TO_REMINDERS, heard);
    plan.assertAt(RECORD_DECISION);
    assertThat(runtimeService.getVariable(plan.instanceId, "substantialChanges")).isEqualTo(false);
  }

  @Test
  void aPlanUnderAppealOrderedIntoForceEarlyIs11OrInPart10() {
    Plan whole = approvedMinorChange();
    whole.appealFiled("2026-05-20");
    whole.event(
        "fi.muutos.zoning.entry-into-force.ordered",
        "{\"scope\":\"WHOLE\",\"date\":\"2026-06-15\"}");
    assertThat(whole.view().ryhtiCode()).isEqualTo("11");
    assertThat(whole.legalDate(ZoningStage.IN_FORCE_BEFORE_LEGAL_FORCE))
        .isEqualTo(LocalDate.parse("2026-06-15"));
    whole.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT); // the court still decides
    whole.courtDecides("KHO", "UPHELD", "2026-11-02", null);
    assertThat(whole.view().stage()).isEqualTo(ZoningStage.LEGALLY_BINDING);

    Plan part = approvedMinorChange();
    part.appealFiled("2026-05-20");
    part.event(
        "fi.muutos.zoning.entry-into-force.ordered",
        "{\"scope\":\"PART\",\"date\":\"2026-06-15\"}");
    assertThat(part.view().ryhtiCode()).isEqualTo("10");
    assertThat(part.view().stageLabel()).isEqualTo("Osittain voimassa");
  }

  @Test
  void aPartnerMayNameThePlanByItsRecordNumber() {
    Started started =
        procedure.start(
            new StartPlan(
                "Diaarikaava " + UUID.randomUUID(),
                PlanType.MINOR_DETAILED_PLAN_CHANGE,
                false,
                "Satama",
                List.of(),
                null,
                "HEI/" + UUID.randomUUID().toString().substring(0, 6) + "/10.02.03/2026"));
    Plan plan = new Plan(started);
    plan.job(ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    plan.announce();
    plan.proposal("2026-03-04", "");
    // the case-management system knows the matter by its record number, not by our key
    String id =
        driver.send(
            "fi.muutos.zoning.reminder.filed",
            plan.view().recordNumber(),
            "{\"date\":\"2026-03-10\",\"reference\":\"M-1\"}");
    assertThat(inbox.find(id).status()).isEqualTo("CORRELATED");
    assertThat(plan.view().reminders()).isEqualTo(1);
  }

  @Test
  void aRectificationRequestWhileThePlanIsUnderAppealIs09UntilTheCouncilAnswers() {
    Plan plan = approvedMinorChange();
    plan.appealFiled("2026-05-20");
    plan.rectificationRequested("2026-05-25");
    assertThat(plan.view().ryhtiCode()).isEqualTo("09");
    assertThat(plan.legalDate(ZoningStage.RECTIFICATION_AND_APPEAL))
        .isEqualTo(LocalDate.parse("2026-05-25"));
    plan.assertAt(ZoningPlanProcess.Elements.ANSWER_RECTIFICATION);
    plan.answerRectification("KEPT", "2026-06-08");
    assertThat(plan.view().stage()).as("the appeal remains").isEqualTo(ZoningStage.APPEALED);
    plan.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT);
  }

  @Test
  void aTabledDecisionWaitsForTheNextMeeting() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.throughDisplay();
    plan.decide("TABLED");
    plan.assertAt(RECORD_DECISION);
    assertThat(plan.view().stage()).as("not back to preparation").isEqualTo(ZoningStage.PROPOSAL);
    plan.decide("APPROVED", "2026-05-04");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPROVED);
    assertThat(plan.legalDate(ZoningStage.APPROVED)).isEqualTo(LocalDate.parse("2026-05-04"));
  }

  @Test
  void legalDatesAreCheckedAgainstTheProcedure() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    assertThat(plan.legalDate(ZoningStage.ANNOUNCED)).isEqualTo(LocalDate.parse("2026-01-05"));

    // a display start (or its notice) in the past shortens the period: only with a stated reason,
    // and logged
    assertThatThrownBy(
            () ->
                plan.complete(
                    PREPARE_PROPOSAL, withoutReason(ZoningSteps.proposal("2026-03-04", ""))))
        .hasMessageContaining("backdatingReason");
    // not before the initiation it follows, whatever the reason
    assertThatThrownBy(() -> plan.proposal("2020-01-06", ""))
        .hasMessageContaining("proposalDisplayStart")
        .hasMessageContaining("6.1.2020 on aikaisempi kuin edellinen vaihe");
    plan.assertAt(PREPARE_PROPOSAL);
    plan.proposal("2026-03-04", "");
    assertThat(plan.view().backdated())
        .extracting(b -> b.variable() + " " + b.legalDate() + " " + b.reason())
        .contains(
            "announcementDate 2026-01-05 " + REASON,
            "displayNoticeDate 2026-02-25 " + REASON,
            "proposalDisplayStart 2026-03-04 " + REASON);
    plan.displayEnds();
    plan.reply(false);

    // a decision before the display ended, or in the future, does not pass
    assertThatThrownBy(() -> plan.decide("APPROVED", "2026-03-10"))
        .hasMessageContaining("nähtävilläolon päätyttyä");
    assertThatThrownBy(() -> plan.decide("APPROVED", LocalDate.now(clock).plusDays(3).toString()))
        .hasMessageContaining("tulevaisuudessa");
    plan.decide("APPROVED", "2026-04-20");
    // the notice cannot come before the decision it announces
    assertThatThrownBy(() -> plan.notice("2026-04-01"))
        .hasMessageContaining("noticeDate")
        .hasMessageContaining("1.4.2026 on aikaisempi kuin hyväksymispäätös 20.4.2026");
    plan.assertAt(PUBLISH_NOTICE);
  }

  @Test
  void aPeriodThatStartsTodayOrLaterNeedsNoReason() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    String today = LocalDate.now(clock).toString();
    plan.complete(
        ANNOUNCE_INITIATION,
        Map.of(
            "announcementDate",
            today,
            "oasReference",
            "OAS 1/2026",
            "initiationOpinionsUntil",
            today,
            "initiationOpinionSummary",
            "Ei mielipiteitä."));
    plan.complete(
        PREPARE_PROPOSAL,
        withoutReason(ZoningSteps.proposal(LocalDate.now(clock).plusDays(14).toString(), "")));
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.PROPOSAL);
    assertThat(plan.view().backdated()).isEmpty();
  }

  @Test
  void legalForceWaitsForTheRegistrysCheckNotForTheClock() {
    Plan plan = approvedMinorChange();
    plan.job(ZoningPlanProcess.Elements.APPEAL_PERIOD_ENDED);
    plan.assertAt(ZoningPlanProcess.Elements.CHECK_LEGAL_FORCE);
    assertThat(plan.view().stage())
        .as("not legally binding by the clock")
        .isEqualTo(ZoningStage.APPROVED);
    assertThat(plan.task(ZoningPlanProcess.Elements.CHECK_LEGAL_FORCE).getDueDate())
        .as("a week after the period's last day 2026-06-10, on a working day")
        .isEqualTo(java.sql.Date.valueOf(LocalDate.parse("2026-06-17")));
    plan.checkLegalForce(false);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.LEGALLY_BINDING);
    plan.assertAt(ENTRY_INTO_FORCE_NOTICE);
  }

  @Test
  void anAppealFoundByTheCheckOrReportedLateKeepsThePlanUnderAppeal() {
    Plan checked = approvedMinorChange();
    checked.job(ZoningPlanProcess.Elements.APPEAL_PERIOD_ENDED);
    checked.checkLegalForce(true);
    assertThat(checked.view().stage()).isEqualTo(ZoningStage.APPEALED);
    checked.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT);

    Plan late = approvedMinorChange();
    late.job(ZoningPlanProcess.Elements.APPEAL_PERIOD_ENDED);
    late.event(
        "fi.muutos.zoning.appeal.filed",
        "{\"court\":\"Hämeenlinnan hallinto-oikeus\",\"date\":\"2026-06-10\"}");
    assertThat(late.view().stage()).isEqualTo(ZoningStage.APPEALED);
    assertThat(late.visited()).contains(ZoningPlanProcess.Elements.APPEAL_REPORTED_LATE);
    late.assertAt(ZoningPlanProcess.Elements.AWAIT_COURT);
  }

  @Test
  void aPlanTheCouncilRejectsIsHylatty() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.throughDisplay();
    plan.decide("REJECTED");

    assertThat(plan.ended(ZoningPlanProcess.Elements.END_REJECTED)).isTrue();
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.REJECTED);
    assertThat(plan.view().ryhtiCode()).as("Ryhti 16 Hylätty, not 15 Rauennut").isEqualTo("16");
    assertThat(plan.view().outcome()).isEqualTo("REJECTED");
  }

  @Test
  void aMissingStatementDoesNotHoldThePlanUp() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    plan.proposal("2026-03-04", "Hämeen elinvoimakeskus, Päijät-Hämeen pelastuslaitos");
    plan.statement("Hämeen elinvoimakeskus");
    // the fire department never answers: its deadline passes
    Job deadline =
        managementService
            .createJobQuery()
            .processInstanceId(plan.instanceId)
            .activityId(STATEMENT_DEADLINE)
            .singleResult();
    managementService.executeJob(deadline.getId());
    plan.displayEnds();
    plan.assertAt(REPLY_TO_REMINDERS);
    assertThat(plan.visited())
        .contains(
            ZoningPlanProcess.Elements.END_STATEMENT_MISSING,
            ZoningPlanProcess.Elements.END_STATEMENT_RECEIVED);
  }

  @Test
  void eachStatementHasItsOwnPeriodAndALateOneIsRecordedNotLost() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    // the display runs 4.3.–18.3.; the museum agency gets until the end of March
    plan.proposal("2026-03-04", "Hämeen elinvoimakeskus, Museovirasto=2026-03-31");
    Job museum =
        managementService
            .createJobQuery()
            .processInstanceId(plan.instanceId)
            .activityId(STATEMENT_DEADLINE)
            .orderByJobDuedate()
            .desc()
            .list()
            .get(0);
    assertThat(museum.getDuedate().toInstant())
        .as("midnight after its own last day")
        .isEqualTo(java.time.OffsetDateTime.parse("2026-04-01T00:00+03:00").toInstant());
    assertThat(plan.view().statements())
        .extracting(s -> s.authority() + " " + s.dueOn())
        .containsExactly("Hämeen elinvoimakeskus 2026-03-18", "Museovirasto 2026-03-31");

    plan.statement("Hämeen elinvoimakeskus");
    managementService.executeJob(museum.getId()); // the museum agency's period passes
    plan.displayEnds();
    plan.assertAt(REPLY_TO_REMINDERS);
    // its statement arrives a week late: taken, recorded as late, shown
    plan.event(
        "fi.muutos.zoning.statement.received",
        "{\"authority\":\"Museovirasto\",\"date\":\"2026-04-07\"}");
    assertThat(plan.view().statements())
        .extracting(s -> s.authority() + " " + s.receivedOn() + " " + s.late())
        .containsExactly("Hämeen elinvoimakeskus 2026-03-10 false", "Museovirasto 2026-04-07 true");
    plan.assertAt(REPLY_TO_REMINDERS);
  }

  @Test
  void theProposalIsDecidedOnlyWhenTheOpinionsAreOver() {
    Plan plan = start(PlanType.DETAILED_PLAN, false);
    plan.announce();
    // the draft's end is on the record: the opinions may be given until then
    assertThatThrownBy(
            () ->
                plan.complete(
                    DISPLAY_DRAFT,
                    Map.of("draftDisplayStart", "2026-01-12", "backdatingReason", REASON)))
        .hasMessageContaining("draftDisplayEnd) puuttuu");
    plan.complete(DISPLAY_DRAFT, ZoningSteps.draft("2026-01-12"));
    // decided on 2026-02-04, while the draft's opinions (until 2026-02-11) are still open
    assertThatThrownBy(
            () -> plan.complete(PREPARE_PROPOSAL, ZoningSteps.proposal("2026-02-18", "")))
        .hasMessageContaining("displayDecisionDate")
        .hasMessageContaining("4.2.2026 on aikaisempi kuin")
        .hasMessageContaining("mielipiteiden aika päättyy 11.2.2026");
    plan.assertAt(PREPARE_PROPOSAL);
    plan.proposal("2026-02-25", ""); // decided on the draft's last day
    plan.assertAt(ZoningPlanProcess.Elements.DISPLAY_ENDED, false);
  }

  @Test
  void aMinorChangesProposalWaitsForTheOpinionsAskedWithItsInitiation() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce(); // opinions asked until 2026-01-19 (MRA 30 §)
    assertThatThrownBy(
            () -> plan.complete(PREPARE_PROPOSAL, ZoningSteps.proposal("2026-01-26", "")))
        .hasMessageContaining("mielipiteiden aika päättyy 19.1.2026");
    plan.assertAt(PREPARE_PROPOSAL);
  }

  @Test
  void theMuistuttajatWhoAskedGetTheReasonedRepliesBeforeTheDecision() {
    Plan plan = displayedMinorChange();
    // AKL 65 § 2 mom: the replies sent to those who asked, or nobody asked: one of the two
    assertThatThrownBy(() -> plan.complete(REPLY_TO_REMINDERS, Map.of("proposalChanges", "NONE")))
        .hasMessageContaining("reminderRepliesSent) puuttuu");
    // sent: on which day, not before the proposal was on display
    assertThatThrownBy(
            () ->
                plan.complete(
                    REPLY_TO_REMINDERS,
                    Map.of("proposalChanges", "NONE", "reminderRepliesSent", "SENT")))
        .hasMessageContaining("reminderRepliesSentOn) puuttuu");
    assertThatThrownBy(
            () ->
                plan.complete(
                    REPLY_TO_REMINDERS,
                    Map.of(
                        "proposalChanges",
                        "NONE",
                        "reminderRepliesSent",
                        "SENT",
                        "reminderRepliesSentOn",
                        "2026-03-01")))
        .hasMessageContaining("reminderRepliesSentOn")
        .hasMessageContaining("1.3.2026 on aikaisempi kuin");
    plan.assertAt(REPLY_TO_REMINDERS);
    plan.complete(
        REPLY_TO_REMINDERS,
        Map.of(
            "proposalChanges",
            "NONE",
            "reminderRepliesSent",
            "SENT",
            "reminderRepliesSentOn",
            "2026-04-08"));
    plan.assertAt(RECORD_DECISION, false);
  }

  @Test
  void aStatementFromAnAuthorityNobodyAskedIsUnrequestedNotLate() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    plan.proposal("2026-03-04", "Hämeen elinvoimakeskus");
    plan.displayEnds();
    // named otherwise than the request: not the requested statement, and not late either
    plan.event(
        "fi.muutos.zoning.statement.received",
        "{\"authority\":\"Hämeen ELY-keskus\",\"date\":\"2026-03-10\"}");
    assertThat(plan.view().statements())
        .extracting(
            s -> s.authority() + " " + s.receivedOn() + " " + s.late() + " " + s.requested())
        .containsExactly(
            "Hämeen elinvoimakeskus null false true", "Hämeen ELY-keskus 2026-03-10 false false");
  }

  @Test
  void aStatementPeriodCannotEndBeforeTheDisplayStartsNorNameAnAuthorityTwice() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    assertThatThrownBy(() -> plan.proposal("2026-03-04", "Museovirasto=2026-03-01"))
        .hasMessageContaining("ennen nähtävilläolon alkua");
    assertThatThrownBy(() -> plan.proposal("2026-03-04", "Museovirasto, Museovirasto=2026-03-31"))
        .hasMessageContaining("kahdesti");
    assertThatThrownBy(() -> plan.proposal("2026-03-04", "Museovirasto=maaliskuussa"))
        .hasMessageContaining("VVVV-KK-PP");
    plan.assertAt(PREPARE_PROPOSAL);
  }

  @Test
  void anApprovalEventThatArrivesBeforeTheProcessWaitsIsTakenLater() throws Exception {
    Plan plan = displayedMinorChange();
    // the meeting system reports the decision while replies are still being written
    String eventId =
        plan.send(
            "fi.muutos.decision.made",
            "{\"body\":\"Hallintosäännön mukainen lautakunta\","
                + "\"section\":\"§ 7\",\"date\":\"2026-04-20\",\"outcome\":\"APPROVED\"}");
    assertThat(inbox.find(eventId).status()).isEqualTo("PENDING");

    plan.reply(false);
    clock.advance(Duration.ofMinutes(1));
    inbox.retryDue();

    assertThat(inbox.find(eventId).status()).isEqualTo("CORRELATED");
    plan.assertAt(PUBLISH_NOTICE); // a delegated body's approval is announced at once
    assertThat(plan.visited()).contains(ZoningPlanProcess.Elements.DECISION_RECEIVED);
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPROVED);
  }

  @Test
  void aMeasureFollowsItsPlansWhateverItsState() {
    String measure = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");
    Plan first = startFor(measure);
    assertThat(strategy.measure(measure).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
    // its owner marks it done while the plan is still on its way
    strategy.changeStatus(
        measure,
        new fi.muutos.strategy.StatusChange(MeasureStatus.DONE, null, "Tavoite saavutettu"),
        new fi.muutos.strategy.ChangeSource.Person("kaavoittaja", java.util.Set.of("kaavoitus")));
    first.throughDisplay();
    first.decide("APPROVED");
    first.notice("2026-05-04");
    first.noAppeal();
    first.intoForce();
    assertThat(strategy.measure(measure).status())
        .as("the plan in force only notes: a finished measure stays finished")
        .isEqualTo(MeasureStatus.DONE);
    assertThat(strategy.measure(measure).note()).startsWith("Kaava voimassa");

    Plan second = startFor(measure);
    assertThat(strategy.measure(measure).status())
        .as("a new plan's work reopens it: no incident")
        .isEqualTo(MeasureStatus.IN_PROGRESS);
    assertThat(strategy.measure(measure).note()).contains("Avattu uudelleen", second.businessKey);
    second.event("fi.muutos.process.cancelled", "{\"reason\":\"Hanke peruttiin\"}");
    assertThat(strategy.measure(measure).status()).isEqualTo(MeasureStatus.AT_RISK);
    assertThat(strategy.measure(measure).note())
        .isEqualTo("Asia " + second.businessKey + " päättyi: peruttu. Omistaja päättää jatkosta.");
  }

  private Plan startFor(String measure) {
    Plan plan =
        new Plan(
            procedure.start(
                new StartPlan(
                    "Toimenpiteen kaava " + UUID.randomUUID(),
                    PlanType.MINOR_DETAILED_PLAN_CHANGE,
                    false,
                    "Satama",
                    List.of(measure),
                    null,
                    null)));
    plan.job(ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    return plan;
  }

  @Test
  void aCancelledPlanLapses() {
    Plan plan = start(PlanType.DETAILED_PLAN, true);
    plan.announce();
    plan.event("fi.muutos.process.cancelled", "{\"reason\":\"Hanke peruttiin\"}");

    assertThat(plan.ended(ZoningPlanProcess.Elements.END_CANCELLED)).isTrue();
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.LAPSED);
    assertThat(plan.view().outcome()).isEqualTo("CANCELLED");
  }

  @Test
  void remindersCountOnlyWhileTheProposalIsOnDisplay() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    plan.event("fi.muutos.zoning.reminder.filed", "{\"date\":\"2026-02-01\"}"); // no proposal
    plan.proposal("2026-03-04", "");
    LocalDate lastDay = plan.view().displayEndsOn();
    plan.event("fi.muutos.zoning.reminder.filed", "{\"date\":\"2026-03-04\"}"); // first day
    plan.event("fi.muutos.zoning.reminder.filed", "{\"date\":\"" + lastDay + "\"}"); // last
    plan.event("fi.muutos.zoning.reminder.filed", "{\"date\":\"2026-03-03\"}"); // before
    plan.event(
        "fi.muutos.zoning.reminder.filed",
        "{\"date\":\"" + lastDay.plusDays(1) + "\"}"); // after the display
    ZoningPlanView view = plan.view();
    assertThat(view.reminders()).as("AKL 65 §: filed during the display").isEqualTo(2);
    assertThat(view.lateSubmissions()).as("kept and shown, not counted").isEqualTo(3);
    plan.assertAt(DISPLAY_ENDED, false);
  }

  @Test
  void anApprovedPlanIsRevokedOnlyByTheApprovingBodysDecision() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.throughDisplay();
    plan.decide("APPROVED");
    assertThatThrownBy(() -> procedure.cancel(plan.id, "Kaavoittaja perui"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
              assertThat(e.slug()).isEqualTo("plan-approved");
            });
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPROVED);
    String approvedOn = plan.legalDate(ZoningStage.APPROVED).toString();
    // a reason alone is no decision: the event is refused with the rule's reason, at once
    InboundEventView reasonOnly =
        inbox.find(plan.send("fi.muutos.process.cancelled", "{\"reason\":\"Kumotaan\"}"));
    assertThat(reasonOnly.status()).isEqualTo("REJECTED");
    assertThat(reasonOnly.reason()).contains("hyväksyjän päätös");
    // nor does a body that did not approve it revoke it
    InboundEventView otherBody =
        inbox.find(
            plan.send(
                "fi.muutos.process.cancelled",
                "{\"reason\":\"Kumotaan\",\"body\":\"Kaupunginhallitus\",\"date\":\""
                    + approvedOn
                    + "\"}"));
    assertThat(otherBody.status()).isEqualTo("REJECTED");
    assertThat(otherBody.reason()).contains("vain Hallintosäännön mukainen lautakunta");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPROVED);
    // the approving body's decision, from the meeting system, does
    plan.event(
        "fi.muutos.process.cancelled",
        "{\"reason\":\"Lautakunta kumosi hyväksymisensä\","
            + "\"body\":\"Hallintosäännön mukainen lautakunta\",\"date\":\""
            + approvedOn
            + "\",\"section\":\"§ 41\"}");
    assertThat(plan.view().outcome()).isEqualTo("CANCELLED");
  }

  @Test
  void aPlanInLegalForceIsChangedOnlyByANewPlan() {
    Plan plan = approvedMinorChange();
    plan.noAppeal();
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.LEGALLY_BINDING);
    InboundEventView revoked =
        inbox.find(
            plan.send(
                "fi.muutos.process.cancelled",
                "{\"reason\":\"Kumotaan\",\"body\":\"Kaupunginvaltuusto\",\"date\":\""
                    + plan.legalDate(ZoningStage.LEGALLY_BINDING)
                    + "\"}"));
    assertThat(revoked.status()).isEqualTo("REJECTED");
    assertThat(revoked.reason()).contains("vain uudella kaavalla");
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.LEGALLY_BINDING);
    assertThat(plan.view().outcome()).isNull();
    plan.assertAt(ENTRY_INTO_FORCE_NOTICE);
  }

  @Test
  void onlyAPlanInPreparationIsSuspended() {
    Plan plan = approvedMinorChange();
    assertThatThrownBy(() -> procedure.suspend(plan.id))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
              assertThat(e.slug()).isEqualTo("plan-approved");
            });
    assertThat(plan.view().stage()).isEqualTo(ZoningStage.APPROVED);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(plan.instanceId)
                .suspended()
                .count())
        .isZero();
  }

  @Test
  void eventsForASuspendedPlanWaitUntilItResumes() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    procedure.suspend(plan.id);
    String id = plan.send("fi.muutos.process.cancelled", "{\"reason\":\"Hanke päättyi\"}");
    assertThat(inbox.find(id).status()).isEqualTo("PENDING");
    // a week and a day later, past the inbox's horizon: the plan is still suspended, so it waits
    clock.advance(Duration.ofDays(8));
    inbox.retryDue();
    InboundEventView waiting = inbox.find(id);
    assertThat(waiting.status()).isEqualTo("PENDING");
    assertThat(waiting.expiresAt().toInstant()).isAfter(clock.instant());
    procedure.resume(plan.id);
    clock.advance(Duration.ofHours(2));
    inbox.retryDue();
    assertThat(inbox.find(id).status()).isEqualTo("CORRELATED");
    assertThat(plan.view().outcome()).isEqualTo("CANCELLED");
  }

  @Test
  void aTaskWithMissingValuesIsNotCompleted() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    assertThatThrownBy(
            () -> plan.complete(ANNOUNCE_INITIATION, Map.of("announcementDate", "eilen")))
        .hasMessageContaining("announcementDate");
    plan.assertAt(ANNOUNCE_INITIATION);
  }

  @Test
  void startingWithoutTheApiGivesTheSameRecord() {
    String instanceId =
        runtimeService
            .startProcessInstanceByKey(
                ZoningPlanProcess.KEY,
                Map.of(
                    "planName",
                    "Tasklistista käynnistetty",
                    "planType",
                    "DETAILED_PLAN",
                    "significant",
                    false))
            .getId();
    String businessKey =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instanceId)
            .singleResult()
            .getBusinessKey();
    assertThat(businessKey).startsWith("KAAVA-");
    ZoningPlanView plan = plans.findByBusinessKey(businessKey);
    assertThat(plan.processInstanceId()).isEqualTo(instanceId);
    assertThat(plan.stage()).isEqualTo(ZoningStage.INITIATED);
  }

  // --- driving a plan -------------------------------------------------------------------------

  private Plan approvedMinorChange() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.throughDisplay();
    plan.decide("APPROVED");
    plan.notice("2026-05-04");
    assertThat(plan.view().appealEndsOn()).isEqualTo(LocalDate.parse("2026-06-10"));
    return plan;
  }

  /** A minor change announced and displayed from 2026-03-04 without statements, replies due. */
  private Plan displayedMinorChange() {
    Plan plan = start(PlanType.MINOR_DETAILED_PLAN_CHANGE, false);
    plan.announce();
    plan.proposal("2026-03-04", "");
    plan.displayEnds();
    return plan;
  }

  /** A detailed plan with its draft, displayed from 2026-03-04 without statements, no changes. */
  private Plan displayedDetailedPlan() {
    Plan plan = start(PlanType.DETAILED_PLAN, false);
    plan.announce();
    plan.complete(DISPLAY_DRAFT, ZoningSteps.draft("2026-01-12"));
    plan.proposal("2026-03-04", "");
    plan.displayEnds();
    plan.reply(false);
    return plan;
  }

  private Plan start(PlanType type, boolean significant) {
    Started started =
        procedure.start(
            new StartPlan("Testikaava " + UUID.randomUUID(), type, significant, "Keskusta", null));
    Plan plan = new Plan(started);
    plan.job(ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    return plan;
  }

  /** The test walks register earlier acts: their dates are before today. */
  static final String REASON = ZoningSteps.REASON;

  private static Map<String, Object> withoutReason(Map<String, Object> values) {
    Map<String, Object> without = new java.util.LinkedHashMap<>(values);
    without.remove("backdatingReason");
    return without;
  }

  private final class Plan {
    final long id;
    final String businessKey;
    final String instanceId;

    Plan(Started started) {
      this.id = started.planId();
      this.businessKey = started.businessKey();
      this.instanceId = started.processInstanceId();
    }

    ZoningPlanView view() {
      return plans.find(id);
    }

    void announce() {
      complete(ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
    }

    /** Announced, the proposal displayed from 2026-03-04 without statements, no changes. */
    void throughDisplay() {
      announce();
      proposal("2026-03-04", "");
      displayEnds();
      reply(false);
    }

    void proposal(String displayStart, String authorities) {
      complete(PREPARE_PROPOSAL, ZoningSteps.proposal(displayStart, authorities));
    }

    void statement(String authority) {
      event(
          "fi.muutos.zoning.statement.received",
          "{\"authority\":\"" + authority + "\",\"date\":\"2026-03-10\"}");
    }

    void displayEnds() {
      job(DISPLAY_ENDED);
    }

    void redisplay(String decisionDate, String start, String authorities) {
      complete(
          ZoningPlanProcess.Elements.DECIDE_REDISPLAY,
          Map.of(
              "redisplayDecisionDate",
              decisionDate,
              "redisplayDecisionBody",
              "Hallintosäännön mukainen lautakunta",
              "redisplayNoticeDate",
              decisionDate,
              "redisplayLettersNotNeeded",
              "Maanomistajat asuvat kunnassa",
              "redisplayStart",
              start,
              "redisplayAuthorities",
              authorities,
              "backdatingReason",
              REASON));
    }

    void reply(boolean substantialChanges) {
      complete(REPLY_TO_REMINDERS, ZoningSteps.reply(substantialChanges));
    }

    void decide(String outcome) {
      decide(outcome, "2026-04-20");
    }

    /**
     * The council decides (after the board's proposal where the council approves); an approval is
     * then checked by the board (kuntalaki 96 §) and found lawful.
     */
    void decide(String outcome, String date) {
      decideOnly("Kaupunginvaltuusto", outcome, date);
      if ("APPROVED".equals(outcome)) {
        legalityCheck("LAWFUL", date);
      }
    }

    void decideOnly(String body, String outcome, String date) {
      if (driver.active(instanceId).contains(ZoningPlanProcess.Elements.BOARD_PROPOSAL)) {
        complete(
            ZoningPlanProcess.Elements.BOARD_PROPOSAL,
            Map.of("boardProposalDate", view().displayEndsOn().plusDays(1).toString()));
      }
      complete(
          RECORD_DECISION,
          Map.of("decisionBody", body, "decisionDate", date, "decisionOutcome", outcome));
    }

    void legalityCheck(String result, String date) {
      complete(
          ZoningPlanProcess.Elements.LEGALITY_CHECK,
          Map.of("legalityCheckResult", result, "legalityCheckDate", date));
    }

    void notice(String date) {
      complete(PUBLISH_NOTICE, ZoningSteps.notice(date));
    }

    void appealFiled(String date) {
      event(
          "fi.muutos.zoning.appeal.filed",
          "{\"court\":\"Hämeenlinnan hallinto-oikeus\",\"date\":\"" + date + "\"}");
    }

    void courtDecides(String court, String outcome, String date, String servedOn) {
      event(
          "fi.muutos.zoning.appeal.decided",
          "{\"court\":\""
              + court
              + "\",\"outcome\":\""
              + outcome
              + "\",\"date\":\""
              + date
              + "\""
              + (servedOn == null ? "" : ",\"servedOn\":\"" + servedOn + "\"")
              + "}");
    }

    void checkFurtherAppeal(boolean lodged) {
      complete(
          ZoningPlanProcess.Elements.CHECK_FURTHER_APPEAL,
          Map.of(
              "furtherAppealLodged",
              lodged,
              "furtherAppealCheck",
              "Korkein hallinto-oikeus " + (lodged ? "KHO-1/2026" : "ei valituslupahakemuksia")));
    }

    void rectificationRequested(String date) {
      event(
          "fi.muutos.zoning.rectification.requested",
          "{\"date\":\"" + date + "\",\"authority\":\"Hämeen elinvoimakeskus\"}");
    }

    void answerRectification(String outcome, String date) {
      answerRectification(outcome, date, null);
    }

    void answerRectification(String outcome, String date, String servedOn) {
      Map<String, Object> values = new java.util.LinkedHashMap<>();
      values.put("rectificationOutcome", outcome);
      values.put("rectificationAnswerDate", date);
      if (servedOn != null) {
        values.put("rectificationAnswerServedOn", servedOn);
      }
      complete(ZoningPlanProcess.Elements.ANSWER_RECTIFICATION, values);
    }

    void noAppeal() {
      job(ZoningPlanProcess.Elements.APPEAL_PERIOD_ENDED);
      checkLegalForce(false);
    }

    void checkLegalForce(boolean appealsLodged) {
      complete(
          ZoningPlanProcess.Elements.CHECK_LEGAL_FORCE,
          Map.of(
              "appealsLodged",
              appealsLodged,
              "legalForceCheck",
              "Hämeenlinnan hallinto-oikeus " + (appealsLodged ? "HAO-1/2026" : "ei valituksia")));
    }

    void intoForce() {
      // the entry-into-force notice two weeks after the plan became final
      String date = legalDate(ZoningStage.LEGALLY_BINDING).plusDays(14).toString();
      complete(
          ENTRY_INTO_FORCE_NOTICE, Map.of("entryIntoForceDate", date, "backdatingReason", REASON));
      job(ZoningPlanProcess.Elements.NOTE_MEASURE);
      job(ZoningPlanProcess.Elements.REPORT_LEAD_TIMES);
    }

    /** The legal date of the stage's last entry on the plan's record. */
    LocalDate legalDate(ZoningStage stage) {
      return view().legalDate(stage).orElseThrow(() -> new AssertionError("never " + stage));
    }

    Task task(String key) {
      return driver.task(instanceId, key);
    }

    void complete(String key, Map<String, Object> variables) {
      driver.complete(instanceId, key, variables);
    }

    void job(String activityId) {
      driver.jobs(instanceId, activityId);
    }

    /** Sends an event for this plan; asserts it was taken at once. */
    void event(String type, String data) {
      try {
        String id = send(type, data);
        assertThat(inbox.find(id).status()).as(type).isEqualTo("CORRELATED");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    String send(String type, String data) {
      return driver.send(type, businessKey, data);
    }

    void assertAt(String key) {
      assertAt(key, true);
    }

    void assertAt(String key, boolean only) {
      List<String> active = driver.active(instanceId);
      if (only) {
        assertThat(active).containsExactly(key);
      } else {
        assertThat(active).contains(key);
      }
    }

    List<String> visited() {
      return driver.visited(instanceId);
    }

    boolean ended(String endEvent) {
      return driver.ended(instanceId, endEvent);
    }
  }
}
