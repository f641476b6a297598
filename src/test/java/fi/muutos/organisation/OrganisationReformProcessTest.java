package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Elements.APPEAL_DECIDED;
import static fi.muutos.organisation.ReformProcess.Elements.APPEAL_PERIOD_ENDED;
import static fi.muutos.organisation.ReformProcess.Elements.BAN_RECHECK;
import static fi.muutos.organisation.ReformProcess.Elements.BOARD_PROPOSAL;
import static fi.muutos.organisation.ReformProcess.Elements.BUDGET;
import static fi.muutos.organisation.ReformProcess.Elements.COOPERATION;
import static fi.muutos.organisation.ReformProcess.Elements.DELEGATIONS;
import static fi.muutos.organisation.ReformProcess.Elements.DRAFT;
import static fi.muutos.organisation.ReformProcess.Elements.ELECT_COMMITTEE;
import static fi.muutos.organisation.ReformProcess.Elements.ENTRY_INTO_FORCE;
import static fi.muutos.organisation.ReformProcess.Elements.FOLLOW_UP;
import static fi.muutos.organisation.ReformProcess.Elements.LEGALITY_CHECK;
import static fi.muutos.organisation.ReformProcess.Elements.NEW_TERM_STARTS;
import static fi.muutos.organisation.ReformProcess.Elements.PUBLISH_DECISION;
import static fi.muutos.organisation.ReformProcess.Elements.RECORDS;
import static fi.muutos.organisation.ReformProcess.Elements.RECORD_DECISION;
import static fi.muutos.organisation.ReformProcess.Elements.STAFF_PLACEMENT;
import static fi.muutos.organisation.ReformProcess.Elements.TRANSITIONAL_RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.cases.StageEntry;
import fi.muutos.events.EventInbox;
import fi.muutos.organisation.OrganisationReformProcedure.Started;
import fi.muutos.organisation.ReformView.ElectionView;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.strategy.StrategyService;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.MutableClock;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.StrategyFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organisation and committee reform on the real engine and PostgreSQL: one method per path; the
 * tests named after a rule of law check that rule (issue 18).
 */
@IntegrationTest
class OrganisationReformProcessTest {
  @Autowired OrganisationReformProcedure procedure;
  @Autowired Reforms reforms;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired StrategyService strategy;
  @Autowired EventInbox inbox;
  @Autowired MutableClock clock;
  @Autowired ProcessDriver driver;

  static final LocalDate DECIDED = LocalDate.parse("2024-06-10");

  @Test
  void aSecondReformForTheSameFinishedMeasuresReopensThemAndRunsToItsEnd() {
    Reform first = start();
    walkToReview(first);
    for (String measure : first.measures) {
      assertThat(strategy.measure(measure).status()).isEqualTo(MeasureStatus.DONE);
    }

    Reform second = start(LocalDate.parse("2025-01-01"), null, first.measures);
    for (String measure : first.measures) {
      assertThat(strategy.measure(measure).status())
          .as("the new reform's work reopens it: no incident")
          .isEqualTo(MeasureStatus.IN_PROGRESS);
      assertThat(strategy.measure(measure).log())
          .anyMatch(
              c ->
                  second.instanceId.equals(c.processInstanceId())
                      && c.note().startsWith("Avattu uudelleen")
                      && c.note().contains(second.businessKey));
    }
    walkToReview(second);
    for (String measure : first.measures) {
      assertThat(strategy.measure(measure).status()).isEqualTo(MeasureStatus.DONE);
    }
    assertThat(second.ended(ReformProcess.Elements.END_DONE)).isTrue();
  }

  @Test
  void aReformRunsToEntryIntoForceAndItsReview() {
    Reform reform = start();
    walkToReview(reform);

    ReformView view = reform.view();
    assertThat(view.stage()).isEqualTo(ReformStage.REVIEWED);
    assertThat(view.outcome()).isEqualTo("IN_FORCE");
    assertThat(view.councilDecisionOn()).isEqualTo(DECIDED);
    assertThat(view.legalityCheckedOn()).isEqualTo(LocalDate.parse("2024-06-17"));
    assertThat(view.inForceOn()).isEqualTo(LocalDate.parse("2025-01-01"));
    // minutes on display 14 June 2024 → received 21 June → 30 days → Sun 21 July → Mon 22 July
    assertThat(view.appealEndsOn()).isEqualTo(LocalDate.parse("2024-07-22"));
    assertThat(view.committees()).allSatisfy(c -> assertThat(c.elected()).isTrue());
    assertThat(view.committees().get(0).elections())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.chair()).isEqualTo("Jäsen 1");
              assertThat(e.viceChair()).isEqualTo("Jäsen 2");
              assertThat(e.constitutedOn()).isEqualTo(LocalDate.parse("2025-01-07"));
              assertThat(e.termStarts()).isEqualTo(LocalDate.parse("2025-01-01"));
            });
    assertThat(view.divisions()).containsExactly("Elinvoima", "Sivistys", "Konserni");
    for (String measure : reform.measures) {
      assertThat(strategy.measure(measure).status()).isEqualTo(MeasureStatus.DONE);
      assertThat(strategy.measure(measure).log().get(0).processInstanceId())
          .isEqualTo(reform.instanceId);
    }
    assertThat(reform.ended(ReformProcess.Elements.END_DONE)).isTrue();
  }

  // --- 1. the effective date belongs to the council's decision ---------------------------------

  @Test
  void theCouncilsDecisionSetsTheEffectiveDate() {
    Reform reform = start();
    reform.toCouncil();
    reform.send(
        "fi.muutos.decision.made",
        "{\"body\":\"kaupunginvaltuusto\",\"section\":\"§ 41\",\"date\":\"2024-06-10\","
            + "\"outcome\":\"APPROVED\",\"effectiveDate\":\"2025-02-01\"}");

    ReformView view = reform.view();
    assertThat(view.proposedEffectiveDate()).isEqualTo(LocalDate.parse("2025-01-01"));
    assertThat(view.effectiveDate()).isEqualTo(LocalDate.parse("2025-02-01"));
    reform.lawful();
    assertThat(reform.timerDue(ENTRY_INTO_FORCE)).isEqualTo(LocalDate.parse("2025-02-01"));
  }

  @Test
  void theCouncilMustSetTheEffectiveDateWhenNoneWasProposedAndNotBeforeItsDecision() {
    Reform reform = start(null, null);
    reform.toCouncil();
    assertThatThrownBy(() -> reform.decide("APPROVED", null))
        .hasMessageContaining("voimaantulopäivä");
    assertThatThrownBy(() -> reform.decide("APPROVED", "2024-06-01"))
        .hasMessageContaining("ennen valtuuston päätöstä");
    reform.assertAt(RECORD_DECISION);
    // the meeting system's event meets the same check: not taken, kept with the reason
    String eventId =
        reform.send(
            "fi.muutos.decision.made",
            "{\"body\":\"kaupunginvaltuusto\",\"date\":\"2024-06-10\",\"outcome\":\"APPROVED\","
                + "\"effectiveDate\":\"2024-01-01\"}");
    assertThat(inbox.find(eventId).status()).isNotEqualTo("CORRELATED");
    reform.assertAt(RECORD_DECISION);
    reform.decide("APPROVED", "2025-03-01");
    assertThat(reform.view().effectiveDate()).isEqualTo(LocalDate.parse("2025-03-01"));
  }

  /**
   * Kuntalaki 14 §: the council decides the reform; the board's own decision to propose it, sent by
   * the meeting system under the reform's key, is not the council's approval (review R3).
   */
  @Test
  void onlyTheCouncilsDecisionApprovesTheReform() {
    Reform reform = start();
    reform.toCouncil();
    String boardsOwn =
        reform.send(
            "fi.muutos.decision.made",
            "{\"body\":\"Kaupunginhallitus\",\"date\":\"2024-05-20\",\"outcome\":\"APPROVED\","
                + "\"effectiveDate\":\"2025-01-01\"}");
    assertThat(inbox.find(boardsOwn).status()).isNotEqualTo("CORRELATED");
    assertThat(inbox.find(boardsOwn).reason()).contains("Asiasta päättää Kaupunginvaltuusto");
    reform.assertAt(RECORD_DECISION);
    assertThat(reform.view().effectiveDate()).isNull();
    Map<String, Object> byBoard =
        Map.of(
            "decisionBody",
            "Kaupunginhallitus",
            "decisionDate",
            "2024-06-10",
            "decisionOutcome",
            "APPROVED");
    assertThatThrownBy(() -> reform.complete(RECORD_DECISION, byBoard))
        .hasMessageContaining("Asiasta päättää Kaupunginvaltuusto");
    // kuntalaki 39 §: on the board's proposal of 20.5., not before it (review R6)
    Map<String, Object> beforeProposal =
        Map.of(
            "decisionBody",
            "Kaupunginvaltuusto",
            "decisionDate",
            "2024-05-15",
            "decisionOutcome",
            "APPROVED");
    assertThatThrownBy(() -> reform.complete(RECORD_DECISION, beforeProposal))
        .hasMessageContaining("ennen hallituksen esitystä 2024-05-20");
    reform.decide("APPROVED", null);
    assertThat(reform.view().effectiveDate()).isNotNull();
  }

  // --- 2. entry into force follows the decided date; appeals and bans ---------------------------

  @Test
  void theReformEntersIntoForceOnTheDecidedDateBeforeItsDecisionIsFinal() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    // nothing of the implementation done, the appeal period not even started
    reform.job(ENTRY_INTO_FORCE);
    ReformView view = reform.view();
    assertThat(view.stage()).isEqualTo(ReformStage.IN_FORCE);
    assertThat(view.inForceOn()).isEqualTo(LocalDate.parse("2025-01-01"));
    assertThat(view.stages())
        .filteredOn(s -> s.stage() == ReformStage.IN_FORCE)
        .extracting(StageEntry::legalDate)
        .containsExactly(LocalDate.parse("2025-01-01"));
    assertThat(reform.active()).contains(PUBLISH_DECISION, STAFF_PLACEMENT);
  }

  @Test
  void anEnforcementBanStopsEnforcementAndEntryIntoForceUntilItIsLifted() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    reform.send(
        "fi.muutos.decision.enforcement-banned",
        "{\"date\":\"2024-07-01\",\"court\":\"Hämeenlinnan hallinto-oikeus\"}");
    assertThat(reform.view().enforcementBan().inEffect()).isTrue();

    assertThatThrownBy(() -> reform.complete(STAFF_PLACEMENT, Map.of()))
        .hasMessageContaining("täytäntöönpanon");
    assertThatThrownBy(() -> reform.elect("Elinvoimalautakunta", Map.of()))
        .hasMessageContaining("täytäntöönpanon");
    reform.job(ENTRY_INTO_FORCE);
    assertThat(reform.view().stage()).isEqualTo(ReformStage.IMPLEMENTATION);
    assertThat(reform.active()).contains(BAN_RECHECK);

    LocalDate today = LocalDate.now(clock);
    reform.send("fi.muutos.decision.enforcement-ban-lifted", "{\"date\":\"" + today + "\"}");
    reform.job(BAN_RECHECK);
    ReformView view = reform.view();
    assertThat(view.stage()).isEqualTo(ReformStage.IN_FORCE);
    assertThat(view.inForceOn()).isEqualTo(today);
    assertThat(view.enforcementBan().liftedOn()).isEqualTo(today);
    reform.complete(STAFF_PLACEMENT, Map.of());
  }

  /** The court's decision on the merits ends its own interim enforcement ban (review R5). */
  @Test
  void theCourtsDecisionEndsItsOwnEnforcementBan() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    reform.send(
        "fi.muutos.decision.appealed",
        "{\"court\":\"Hämeenlinnan hallinto-oikeus\",\"date\":\"2024-07-10\"}");
    reform.send(
        "fi.muutos.decision.enforcement-banned",
        "{\"date\":\"2024-07-15\",\"court\":\"Hämeenlinnan hallinto-oikeus\"}");
    reform.complete(PUBLISH_DECISION, Map.of("noticeDate", "2024-06-14"));
    reform.job(APPEAL_PERIOD_ENDED);
    reform.checkAppeals();
    reform.job(ENTRY_INTO_FORCE);
    assertThat(reform.active()).contains(BAN_RECHECK);
    reform.send(
        "fi.muutos.decision.appeal-decided",
        "{\"outcome\":\"UPHELD\",\"date\":\"2024-12-01\",\"court\":\"HAO\"}");
    assertThat(reform.view().enforcementBan().inEffect()).isFalse();
    assertThat(reform.view().enforcementBan().liftedOn()).isEqualTo(LocalDate.parse("2024-12-01"));
    reform.job(BAN_RECHECK);
    assertThat(reform.view().stage()).isEqualTo(ReformStage.IN_FORCE);
    reform.complete(STAFF_PLACEMENT, Map.of());
  }

  @Test
  void anAppealIsShownAndTheCourtsAnnulmentEndsTheReform() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    reform.send(
        "fi.muutos.decision.appealed",
        "{\"court\":\"Hämeenlinnan hallinto-oikeus\",\"date\":\"2024-07-10\","
            + "\"reference\":\"HAO 123/2024\"}");
    assertThat(reform.view().appeals())
        .singleElement()
        .satisfies(a -> assertThat(a.reference()).isEqualTo("HAO 123/2024"));
    reform.complete(PUBLISH_DECISION, Map.of("noticeDate", "2024-06-14"));
    reform.job(APPEAL_PERIOD_ENDED);
    reform.checkAppeals();
    assertThat(reform.active()).contains(APPEAL_DECIDED);

    reform.send(
        "fi.muutos.decision.appeal-decided",
        "{\"outcome\":\"ANNULLED\",\"date\":\"2024-12-01\",\"court\":\"KHO\"}");
    ReformView view = reform.view();
    assertThat(view.stage()).isEqualTo(ReformStage.ANNULLED);
    assertThat(view.outcome()).isEqualTo("ANNULLED");
    assertThat(view.appeals().get(0).outcome()).isEqualTo("ANNULLED");
    assertThat(reform.ended(ReformProcess.Elements.END_ANNULLED)).isTrue();
    assertMeasuresAtRisk(reform, "tuomioistuin kumosi päätöksen");
  }

  /**
   * Kuntalaki 135 § (review R1): an appeal is lodged with the court, so the city learns of it after
   * the period; the registry's check a week later finds it, and the reform waits for the court.
   */
  @Test
  void anAppealTheRegistryFindsAfterThePeriodHoldsTheReformForTheCourt() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    reform.complete(PUBLISH_DECISION, Map.of("noticeDate", "2024-06-14"));
    reform.job(APPEAL_PERIOD_ENDED);
    Task check = driver.task(reform.instanceId, ReformProcess.Elements.CHECK_APPEALS);
    // 14.6. + 7 + 30 days: the period's last day Mon 22.7.; the check a week later, 29.7., is over
    // at midnight after it
    assertThat(check.getDueDate().toInstant())
        .isEqualTo(LocalDate.parse("2024-07-30").atStartOfDay(clock.getZone()).toInstant());
    assertThatThrownBy(
            () ->
                reform.complete(
                    ReformProcess.Elements.CHECK_APPEALS,
                    Map.of("appealsLodged", true, "appealCheck", "HaO:n lausuntopyyntö")))
        .hasMessageContaining("appealCourt, appealDate");
    reform.complete(
        ReformProcess.Elements.CHECK_APPEALS,
        Map.of(
            "appealsLodged",
            true,
            "appealCheck",
            "HaO:n lausuntopyyntö 5.8.",
            "appealCourt",
            "Hämeenlinnan hallinto-oikeus",
            "appealDate",
            "2024-07-20"));
    assertThat(reform.view().appeals()).hasSize(1);
    assertThat(reform.active()).contains(APPEAL_DECIDED);
    reform.send(
        "fi.muutos.decision.appeal-decided",
        "{\"outcome\":\"ANNULLED\",\"date\":\"2024-12-01\",\"court\":\"KHO\"}");
    assertThat(reform.view().stage()).isEqualTo(ReformStage.ANNULLED);
  }

  /**
   * Review R1: an administrative court's annulment can still be appealed to the KHO within 30 days
   * of its service, so it does not end the reform; the registry checks a week after that period,
   * and the KHO's decision is the final one.
   */
  @Test
  void anAdministrativeCourtsAnnulmentIsNotFinalWhileTheKhoCanBeAsked() {
    Reform reform = pastTheCheck(true);
    reform.send(
        "fi.muutos.decision.appeal-decided",
        "{\"outcome\":\"ANNULLED\",\"date\":\"2024-12-02\",\"court\":\"HAO\","
            + "\"servedOn\":\"2024-12-05\"}");
    ReformView annulled = reform.view();
    assertThat(annulled.stage()).isNotEqualTo(ReformStage.ANNULLED);
    // 5.12. + 30 days: Sat 4.1.2025, so Mon 6.1. (loppiainen) → Tue 7.1.
    assertThat(annulled.appeals().get(0).furtherAppealEndsOn())
        .isEqualTo(LocalDate.parse("2025-01-07"));
    assertThat(annulled.appeals().get(0).decisionCourt()).isEqualTo("HAO");
    assertThat(reform.active()).contains(APPEAL_PERIOD_ENDED);

    // the city appealed to the KHO: the registry's check finds it, the KHO upholds the decision
    reform.job(APPEAL_PERIOD_ENDED);
    reform.complete(
        ReformProcess.Elements.CHECK_APPEALS,
        Map.of(
            "appealsLodged",
            true,
            "appealCheck",
            "Kaupungin valitus KHO:lle",
            "appealCourt",
            "Korkein hallinto-oikeus",
            "appealDate",
            "2024-12-20"));
    assertThat(reform.active()).contains(APPEAL_DECIDED);
    reform.send(
        "fi.muutos.decision.appeal-decided",
        "{\"outcome\":\"UPHELD\",\"date\":\"2025-03-03\",\"court\":\"KHO\"}");
    assertThat(reform.view().stage()).isNotEqualTo(ReformStage.ANNULLED);
    assertThat(reform.active())
        .doesNotContain(APPEAL_DECIDED)
        .contains(ReformProcess.Elements.LATER_COURT_DECISION);
  }

  /** Review R1: an HaO annulment nobody appeals further ends the reform after the KHO's period. */
  @Test
  void anAdministrativeCourtsAnnulmentNobodyAppealsEndsTheReformAfterTheKhosPeriod() {
    Reform reform = pastTheCheck(true);
    reform.send(
        "fi.muutos.decision.appeal-decided",
        "{\"outcome\":\"ANNULLED\",\"date\":\"2024-12-02\",\"court\":\"HAO\"}");
    reform.job(APPEAL_PERIOD_ENDED);
    reform.checkAppeals();
    assertThat(reform.view().stage()).isEqualTo(ReformStage.ANNULLED);
    assertThat(reform.ended(ReformProcess.Elements.END_ANNULLED)).isTrue();
  }

  /**
   * Review R1: the city usually learns of an appeal only when the court asks for its statement,
   * after its own check; the court's annulment then still ends the reform, however far it went.
   */
  @Test
  void aCourtsDecisionOnAnAppealLearnedOfLateStillReachesTheReform() {
    Reform reform = pastTheCheck(false);
    assertThat(reform.active()).contains(ReformProcess.Elements.LATER_COURT_DECISION);
    reform.send(
        "fi.muutos.decision.appealed",
        "{\"court\":\"Hämeenlinnan hallinto-oikeus\",\"date\":\"2024-07-20\"}");
    reform.send(
        "fi.muutos.decision.appeal-decided",
        "{\"outcome\":\"ANNULLED\",\"date\":\"2024-12-02\",\"court\":\"KHO\"}");
    assertThat(reform.view().stage()).isEqualTo(ReformStage.ANNULLED);
    assertThat(reform.ended(ReformProcess.Elements.END_ANNULLED)).isTrue();
    assertMeasuresAtRisk(reform, "tuomioistuin kumosi päätöksen");
  }

  /** Approved and lawful, appealed within the period or not, the registry's check done. */
  private Reform pastTheCheck(boolean appealed) {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    if (appealed) {
      reform.send(
          "fi.muutos.decision.appealed",
          "{\"court\":\"Hämeenlinnan hallinto-oikeus\",\"date\":\"2024-07-10\"}");
    }
    reform.complete(PUBLISH_DECISION, Map.of("noticeDate", "2024-06-14"));
    reform.job(APPEAL_PERIOD_ENDED);
    reform.checkAppeals();
    return reform;
  }

  @Test
  void anUnappealedDecisionDoesNotWaitForTheCourt() {
    Reform reform = pastTheCheck(false);
    assertThat(reform.active()).doesNotContain(APPEAL_DECIDED);
  }

  @Test
  void eachCommitteesTaskNamesItsCommittee() throws Exception {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    assertThat(reform.electionTask("Elinvoimalautakunta").getName())
        .isEqualTo("Kirjaa valtuuston vaali: Elinvoimalautakunta");
    assertThat(reform.electionTask("Sivistyslautakunta").getName())
        .isEqualTo("Kirjaa valtuuston vaali: Sivistyslautakunta");
    reform.elect("Elinvoimalautakunta", Map.of());
    assertThat(reform.taskFor(DELEGATIONS, "Elinvoimalautakunta").getName())
        .isEqualTo("Toimielimen delegointipäätös: Elinvoimalautakunta");
    // and its form says which committee it records
    for (String form : List.of("reform-committee.form", "reform-delegation.form")) {
      assertThat(
              java.nio.file.Files.readString(java.nio.file.Path.of("processes/organisation", form)))
          .contains(": {{committee}}");
    }
  }

  // --- 3. a new body delegates only after it exists --------------------------------------------

  @Test
  void aBodyDelegatesOnlyAfterItIsElectedAndConstituted() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    assertThat(reform.active()).doesNotContain(DELEGATIONS);
    reform.elect("Elinvoimalautakunta", Map.of());
    // that body's delegation now; the other body is still to be elected
    assertThat(reform.tasks(DELEGATIONS)).hasSize(1);
    assertThat(reform.tasks(ELECT_COMMITTEE)).hasSize(1);
    Task delegation = reform.tasks(DELEGATIONS).get(0);
    assertThat(taskService.getVariable(delegation.getId(), "committee"))
        .isEqualTo("Elinvoimalautakunta");
    assertThatThrownBy(
            () ->
                taskService.complete(
                    delegation.getId(),
                    new HashMap<>(
                        Map.of("constitutedOn", "2024-06-01", "delegationDate", "2024-08-20"))))
        .hasMessageContaining("toimielimen valintaa");
    // nor before its term starts with the new administrative regulation (1.1.2025; review R2)
    assertThatThrownBy(
            () ->
                taskService.complete(
                    delegation.getId(),
                    new HashMap<>(
                        Map.of("constitutedOn", "2024-08-20", "delegationDate", "2024-08-20"))))
        .hasMessageContaining("ennen toimikauden alkua (2025-01-01)");
    taskService.complete(
        delegation.getId(),
        new HashMap<>(Map.of("constitutedOn", "2025-01-07", "delegationDate", "2025-01-07")));
    assertThat(reform.view().committees().get(0).elections().get(0).delegationOn())
        .isEqualTo(LocalDate.parse("2025-01-07"));
  }

  // --- 4. the 40 % rule covers deputies; chair and vice-chair; the council elects ---------------

  @Test
  void theFortyPercentRuleCoversMembersAndDeputiesUnlessAReasonIsWritten() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    Task task = reform.electionTask("Elinvoimalautakunta");
    assertThat(task.getTaskDefinitionKey()).isEqualTo(ELECT_COMMITTEE);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("kirjaamo"));

    assertThatThrownBy(() -> reform.elect("Elinvoimalautakunta", Map.of("women", 1, "men", 3)))
        .hasMessageContaining("tasa-arvolain 4 a §")
        .hasMessageContaining("jäsenistä");
    assertThatThrownBy(
            () -> reform.elect("Elinvoimalautakunta", Map.of("deputyWomen", 0, "deputyMen", 4)))
        .hasMessageContaining("tasa-arvolain 4 a §")
        .hasMessageContaining("varajäsenistä");
    assertThat(reform.view().committees().get(0).elected()).isFalse();

    reform.elect(
        "Elinvoimalautakunta",
        Map.of(
            "deputyWomen", 0,
            "deputyMen", 4,
            "balanceExceptionReason",
                "Naisehdokkaita ei saatu varajäseniksi kahdesta kehotuksesta huolimatta."));
    ElectionView election = reform.view().committees().get(0).elections().get(0);
    assertThat(election.balanceException()).startsWith("Naisehdokkaita");
    assertThat(election.deputyMen()).isEqualTo(4);
  }

  /** Review R8: the deputies' counts are those of the deputies named, as the members' are. */
  @Test
  void theDeputiesCountedAreTheDeputiesNamed() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    assertThatThrownBy(
            () -> reform.elect("Elinvoimalautakunta", Map.of("deputyWomen", 3, "deputyMen", 3)))
        .hasMessageContaining("varajäseniä on nimetty 4");
    assertThat(reform.view().committees().get(0).elected()).isFalse();
  }

  @Test
  void theChairAndViceChairAreElectedFromTheMembers() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    assertThatThrownBy(() -> reform.elect("Elinvoimalautakunta", Map.of("chair", "Ulkopuolinen")))
        .hasMessageContaining("puheenjohtaja");
    assertThatThrownBy(() -> reform.elect("Elinvoimalautakunta", Map.of("viceChair", "Jäsen 1")))
        .hasMessageContaining("eri henkilöt");
    assertThatThrownBy(
            () -> reform.elect("Elinvoimalautakunta", Map.of("electionDate", "2024-06-01")))
        .hasMessageContaining("valtuuston päätöstä");
  }

  // --- 5. the missing steps ---------------------------------------------------------------------

  @Test
  void theBoardChecksLegalityBeforeImplementationStarts() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.assertAt(LEGALITY_CHECK);
    assertThatThrownBy(
            () ->
                reform.complete(
                    LEGALITY_CHECK,
                    Map.of("legalityCheckResult", "LAWFUL", "legalityCheckDate", "2024-06-01")))
        .hasMessageContaining("legalityCheckDate");
    reform.complete(
        LEGALITY_CHECK,
        Map.of("legalityCheckResult", "REFERRED_BACK", "legalityCheckDate", "2024-06-17"));
    reform.assertAt(RECORD_DECISION);
    assertThat(reform.view().stage()).isEqualTo(ReformStage.COUNCIL);
    reform.decide("APPROVED", null);
    reform.lawful();
    assertThat(reform.active())
        .contains(
            ELECT_COMMITTEE, STAFF_PLACEMENT, RECORDS, BUDGET, TRANSITIONAL_RULES, PUBLISH_DECISION)
        .contains(ENTRY_INTO_FORCE);
  }

  @Test
  void theMinutesArePutOnPublicDisplay() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    assertThat(driver.task(reform.instanceId, PUBLISH_DECISION).getName())
        .isEqualTo("Pöytäkirja yleisesti nähtävillä");
    assertThatThrownBy(() -> reform.complete(PUBLISH_DECISION, Map.of("noticeDate", "2024-06-01")))
        .hasMessageContaining("noticeDate");
  }

  @Test
  void budgetBindingLevelsAreACouncilDecisionAlreadyMade() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    String tomorrow = LocalDate.now(clock).plusDays(1).toString();
    assertThatThrownBy(
            () ->
                reform.complete(
                    BUDGET,
                    Map.of("budgetBindingLevels", "Toimialat", "budgetDecisionDate", tomorrow)))
        .hasMessageContaining("tulevaisuudessa");
    reform.complete(
        BUDGET, Map.of("budgetBindingLevels", "Toimialat", "budgetDecisionDate", "2024-06-10"));
  }

  @Test
  void transitionalRulesAreEachConfirmed() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    assertThatThrownBy(
            () ->
                reform.complete(
                    TRANSITIONAL_RULES,
                    Map.of(
                        "pendingMattersTransferred", true,
                        "oldDelegationsHandled", true,
                        "signingRightsUpdated", false,
                        "lastMeetingsHeld", true)))
        .hasMessageContaining("signingRightsUpdated");
    reform.complete(TRANSITIONAL_RULES, Reform.TRANSITIONAL);
  }

  @Test
  void anInterimTermIsFollowedByElectionsForTheNewCouncilTerm() {
    Reform reform = start(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-05-31"));
    reform.throughCouncil("APPROVED");
    reform.lawful();
    reform.electAndDelegate("Elinvoimalautakunta");
    reform.electAndDelegate("Sivistyslautakunta");
    reform.assertAt(NEW_TERM_STARTS, false);
    assertThat(reform.timerDue(NEW_TERM_STARTS)).isEqualTo(LocalDate.parse("2025-06-01"));
    reform.job(NEW_TERM_STARTS);
    assertThatThrownBy(() -> reform.elect("Elinvoimalautakunta", Map.of()))
        .as("the new term's election is not before the term starts")
        .hasMessageContaining("uuden toimikauden alkua");
    reform.elect("Elinvoimalautakunta", Map.of("electionDate", "2025-06-16"));
    List<ElectionView> elections = reform.view().committees().get(0).elections();
    assertThat(elections).extracting(ElectionView::term).containsExactly(1, 2);
    assertThat(elections.get(0).termEnds()).isEqualTo(LocalDate.parse("2025-05-31"));
    assertThat(elections.get(1).termStarts()).isEqualTo(LocalDate.parse("2025-06-01"));
  }

  // --- 6. the co-operation act ------------------------------------------------------------------

  @Test
  void cooperationFollowsTheMunicipalCooperationAct() throws Exception {
    String model = Files.readString(Path.of("processes/organisation/organisation-reform.bpmn"));
    assertThat(model).contains("449/2007").doesNotContain("1333/2021");
    Reform reform = start();
    reform.complete(DRAFT, Map.of("draftReference", "HEI/123/2024"));
    reform.complete(COOPERATION, Reform.COOPERATION_DONE);
    assertThatThrownBy(() -> reform.complete(BOARD_PROPOSAL, Map.of("boardDate", "2024-04-01")))
        .hasMessageContaining("boardDate");
    reform.assertAt(BOARD_PROPOSAL, true);
  }

  /**
   * Issue 36: a refusal names the field by its form's label (with its variable for an integrator)
   * and shows dates as the form does, and says the task cannot be marked done.
   */
  @Test
  void aRefusalNamesTheFieldByItsLabelAndTheDateAsTheFormShowsIt() {
    Reform reform = start();
    reform.complete(DRAFT, Map.of("draftReference", "HEI/123/2024"));
    assertThatThrownBy(
            () ->
                reform.complete(
                    COOPERATION,
                    Map.of(
                        "cooperationStart", "2024-03-10",
                        "cooperationEnd", "2024-03-01",
                        "reductionsConsidered", false)))
        .hasMessageContaining(
            "Tehtävää Yhteistoimintamenettely henkilöstön kanssa ei voi merkitä" + " valmiiksi")
        .hasMessageContaining(
            "Neuvottelut päättyivät (cooperationEnd) 1.3.2024 on aikaisempi kuin Neuvottelut"
                + " alkoivat (cooperationStart) 10.3.2024")
        .hasMessageContaining("Pöytäkirjan viite (cooperationMinutes) puuttuu")
        .hasMessageNotContaining("2024-03-01");
  }

  /**
   * Review R6: an organisation reform is the typical case of reductions; when dismissals, lay-offs
   * or part-timing are considered the negotiations last at least 14 days (449/2007 5 §).
   */
  @Test
  void aReformThatConsidersReductionsNegotiatesAtLeastFourteenDays() {
    Reform reform = start();
    reform.complete(DRAFT, Map.of("draftReference", "HEI/123/2024"));
    Map<String, Object> short_ =
        Map.of(
            "cooperationStart", "2024-03-01",
            "cooperationEnd", "2024-03-10",
            "reductionsConsidered", true,
            "cooperationMinutes", "YT 2/2024");
    assertThatThrownBy(() -> reform.complete(COOPERATION, short_))
        .hasMessageContaining("cooperationEnd");
    assertThatThrownBy(
            () ->
                reform.complete(
                    COOPERATION,
                    Map.of(
                        "cooperationStart", "2024-03-01",
                        "cooperationEnd", "2024-03-20",
                        "cooperationMinutes", "YT 2/2024")))
        .as("the answer is required")
        .hasMessageContaining("reductionsConsidered");
    Map<String, Object> long_ = new java.util.HashMap<>(short_);
    long_.put("cooperationEnd", "2024-03-15");
    reform.complete(COOPERATION, long_);
    reform.assertAt(BOARD_PROPOSAL, true);
  }

  // --- the council's other outcomes and events ---------------------------------------------------

  @Test
  void aReturnedReformIsRedrafted() {
    Reform reform = start();
    reform.throughCouncil("RETURNED");
    reform.assertAt(DRAFT);
    reform.throughCouncil("APPROVED");
    reform.lawful();
    assertThat(reform.view().stages())
        .extracting(StageEntry::stage)
        .containsSubsequence(
            ReformStage.COUNCIL,
            ReformStage.COOPERATION,
            ReformStage.COUNCIL,
            ReformStage.LEGALITY_CHECK,
            ReformStage.IMPLEMENTATION);
  }

  @Test
  void aRejectedReformEnds() {
    Reform reform = start();
    reform.throughCouncil("REJECTED");
    assertThat(reform.ended(ReformProcess.Elements.END_REJECTED)).isTrue();
    assertThat(reform.view().stage()).isEqualTo(ReformStage.REJECTED);
    assertMeasuresAtRisk(reform, "ei hyväksytty");
  }

  private void assertMeasuresAtRisk(Reform reform, String words) {
    for (String measure : reform.measures) {
      assertThat(strategy.measure(measure).status())
          .as("ADR 0052: the work the measure counted on stopped")
          .isEqualTo(MeasureStatus.AT_RISK);
      assertThat(strategy.measure(measure).note())
          .isEqualTo(
              "Asia " + reform.businessKey + " päättyi: " + words + ". Omistaja päättää jatkosta.");
    }
  }

  @Test
  void aCouncilDecisionEventThatArrivesEarlyIsTakenWhenTheProcessWaits() throws Exception {
    Reform reform = start();
    reform.complete(DRAFT, Map.of("draftReference", "HEI/123/2024"));
    reform.complete(COOPERATION, Reform.COOPERATION_DONE);
    String eventId =
        reform.send(
            "fi.muutos.decision.made",
            "{\"body\":\"kaupunginvaltuusto\",\"section\":\"§ 41\","
                + "\"date\":\"2024-06-10\",\"outcome\":\"APPROVED\"}");
    assertThat(inbox.find(eventId).status()).isEqualTo("PENDING");

    reform.complete(BOARD_PROPOSAL, Map.of("boardDate", "2024-05-20"));
    clock.advance(Duration.ofMinutes(1));
    inbox.retryDue();

    assertThat(inbox.find(eventId).status())
        .as(inbox.find(eventId).reason())
        .isEqualTo("CORRELATED");
    assertThat(reform.view().stage()).isEqualTo(ReformStage.LEGALITY_CHECK);
    assertThat(reform.visited()).contains(ReformProcess.Elements.DECISION_RECEIVED);
  }

  @Test
  void theParallelStepsMayCompleteInAnyOrder() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.lawful();
    reform.complete(PUBLISH_DECISION, Map.of("noticeDate", "2024-06-14"));
    reform.complete(
        BUDGET, Map.of("budgetBindingLevels", "Toimialat", "budgetDecisionDate", "2024-06-10"));
    reform.job(ENTRY_INTO_FORCE);
    reform.complete(RECORDS, Map.of());
    reform.electAndDelegate("Sivistyslautakunta");
    reform.job(APPEAL_PERIOD_ENDED);
    reform.checkAppeals();
    reform.complete(STAFF_PLACEMENT, Map.of());
    reform.complete(TRANSITIONAL_RULES, Reform.TRANSITIONAL);
    reform.job(ReformProcess.Elements.MEASURES_DONE);
    // besides the committee, only the ear for a late court decision (review R1)
    assertThat(reform.active())
        .containsOnly(ELECT_COMMITTEE, ReformProcess.Elements.LATER_COURT_DECISION);
    reform.electAndDelegate("Elinvoimalautakunta");
    assertThat(reform.active())
        .containsExactlyInAnyOrder(
            ReformProcess.Elements.FOLLOW_UP_DUE, ReformProcess.Elements.LATER_COURT_DECISION);
  }

  // --- driving a reform -----------------------------------------------------------------------

  /** Approved, lawful, implemented, in force and reviewed. */
  private void walkToReview(Reform reform) {
    reform.throughCouncil("APPROVED");
    reform.assertAt(LEGALITY_CHECK);
    assertThat(reform.view().stage()).isEqualTo(ReformStage.LEGALITY_CHECK);
    reform.lawful();
    assertThat(reform.view().stage()).isEqualTo(ReformStage.IMPLEMENTATION);
    reform.electAndDelegate("Elinvoimalautakunta");
    reform.electAndDelegate("Sivistyslautakunta");
    reform.implement();
    reform.complete(PUBLISH_DECISION, Map.of("noticeDate", "2024-06-14"));
    reform.job(APPEAL_PERIOD_ENDED);
    reform.checkAppeals();
    reform.job(ENTRY_INTO_FORCE);
    assertThat(reform.view().stage()).isEqualTo(ReformStage.IN_FORCE);
    reform.job(ReformProcess.Elements.MEASURES_DONE);
    reform.job(ReformProcess.Elements.FOLLOW_UP_DUE);
    reform.complete(
        FOLLOW_UP, Map.of("reviewSummary", "Rakenne toimii; sitovuustasoja tarkennetaan."));
  }

  private Reform start() {
    return start(LocalDate.parse("2025-01-01"), null);
  }

  private Reform start(LocalDate proposedEffectiveDate, LocalDate interimTermEnds) {
    return start(
        proposedEffectiveDate,
        interimTermEnds,
        List.of(
            StrategyFixtures.newMeasure(strategy, "hallinto", "NOT_STARTED"),
            StrategyFixtures.newMeasure(strategy, "hallinto", "IN_PROGRESS")));
  }

  private Reform start(
      LocalDate proposedEffectiveDate, LocalDate interimTermEnds, List<String> measures) {
    Started started =
        procedure.start(
            new StartReform(
                "Organisaatiouudistus " + UUID.randomUUID(),
                proposedEffectiveDate,
                interimTermEnds,
                List.of("Elinvoimalautakunta", "Sivistyslautakunta"),
                List.of("Elinvoima", "Sivistys", "Konserni"),
                12,
                measures,
                null));
    Reform reform = new Reform(started, measures);
    reform.job(ReformProcess.Elements.MEASURES_IN_PROGRESS);
    return reform;
  }

  private final class Reform {
    static final Map<String, Object> COOPERATION_DONE =
        Map.of(
            "cooperationStart",
            "2024-03-01",
            "cooperationEnd",
            "2024-04-15",
            "reductionsConsidered",
            false,
            "cooperationMinutes",
            "YT 2/2024");
    static final Map<String, Object> TRANSITIONAL =
        Map.of(
            "pendingMattersTransferred", true,
            "oldDelegationsHandled", true,
            "signingRightsUpdated", true,
            "lastMeetingsHeld", true);

    final long id;
    final String businessKey;
    final String instanceId;
    final List<String> measures;

    Reform(Started started, List<String> measures) {
      this.id = started.reformId();
      this.businessKey = started.businessKey();
      this.instanceId = started.processInstanceId();
      this.measures = measures;
    }

    ReformView view() {
      return reforms.find(id);
    }

    void toCouncil() {
      complete(DRAFT, Map.of("draftReference", "HEI/123/2024"));
      complete(COOPERATION, COOPERATION_DONE);
      complete(BOARD_PROPOSAL, Map.of("boardDate", "2024-05-20"));
    }

    void throughCouncil(String outcome) {
      toCouncil();
      decide(outcome, null);
    }

    void decide(String outcome, String effectiveDate) {
      Map<String, Object> variables =
          new HashMap<>(
              Map.of(
                  "decisionBody",
                  "Kaupunginvaltuusto",
                  "decisionDate",
                  DECIDED.toString(),
                  "decisionOutcome",
                  outcome));
      if (effectiveDate != null) {
        variables.put("effectiveDate", effectiveDate);
      }
      complete(RECORD_DECISION, variables);
    }

    void lawful() {
      complete(
          LEGALITY_CHECK,
          Map.of("legalityCheckResult", "LAWFUL", "legalityCheckDate", "2024-06-17"));
    }

    void implement() {
      complete(STAFF_PLACEMENT, Map.of());
      complete(RECORDS, Map.of());
      complete(
          BUDGET, Map.of("budgetBindingLevels", "Toimialat", "budgetDecisionDate", "2024-06-10"));
      complete(TRANSITIONAL_RULES, TRANSITIONAL);
    }

    List<Task> tasks(String key) {
      return taskService
          .createTaskQuery()
          .processInstanceId(instanceId)
          .taskDefinitionKey(key)
          .list();
    }

    Task electionTask(String committee) {
      return taskFor(ELECT_COMMITTEE, committee);
    }

    Task taskFor(String key, String committee) {
      return tasks(key).stream()
          .filter(t -> committee.equals(taskService.getVariable(t.getId(), "committee")))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + key + " for " + committee));
    }

    /** The council elects a balanced body (members and deputies); {@code changes} vary it. */
    void elect(String committee, Map<String, Object> changes) {
      Map<String, Object> variables =
          new HashMap<>(
              Map.of(
                  "electionDate", "2024-06-10",
                  "members", "Jäsen 1\nJäsen 2\nJäsen 3\nJäsen 4",
                  "women", 2,
                  "men", 2,
                  "deputies", "Varajäsen 1\nVarajäsen 2\nVarajäsen 3\nVarajäsen 4",
                  "deputyWomen", 2,
                  "deputyMen", 2,
                  "chair", "Jäsen 1",
                  "viceChair", "Jäsen 2"));
      variables.putAll(changes);
      taskService.complete(electionTask(committee).getId(), variables);
    }

    void electAndDelegate(String committee) {
      elect(committee, Map.of());
      taskService.complete(
          taskFor(DELEGATIONS, committee).getId(),
          new HashMap<>(Map.of("constitutedOn", "2025-01-07", "delegationDate", "2025-01-07")));
    }

    LocalDate timerDue(String activityId) {
      return managementService
          .createJobQuery()
          .processInstanceId(instanceId)
          .activityId(activityId)
          .singleResult()
          .getDuedate()
          .toInstant()
          .atZone(ZoneId.of("Europe/Helsinki"))
          .toLocalDate();
    }

    /** The registry's check a week after the period: no appeal found beyond those recorded. */
    void checkAppeals() {
      complete(
          ReformProcess.Elements.CHECK_APPEALS,
          Map.of("appealsLodged", false, "appealCheck", "Hämeenlinnan HaO: ei muita valituksia"));
    }

    void complete(String key, Map<String, Object> variables) {
      driver.complete(instanceId, key, variables);
    }

    void job(String activityId) {
      driver.jobs(instanceId, activityId);
    }

    String send(String type, String data) {
      return driver.send(type, businessKey, data);
    }

    void assertAt(String activityId) {
      assertAt(activityId, true);
    }

    void assertAt(String activityId, boolean only) {
      List<String> active = active();
      if (only) {
        assertThat(active).containsExactly(activityId);
      } else {
        assertThat(active).contains(activityId);
      }
    }

    List<String> active() {
      return driver.active(instanceId);
    }

    List<String> visited() {
      return driver.visited(instanceId);
    }

    boolean ended(String endEvent) {
      return driver.ended(instanceId, endEvent);
    }
  }
}
