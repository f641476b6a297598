package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Elements.BOARD_PROPOSAL;
import static fi.muutos.organisation.ReformProcess.Elements.BUDGET;
import static fi.muutos.organisation.ReformProcess.Elements.COOPERATION;
import static fi.muutos.organisation.ReformProcess.Elements.DELEGATIONS;
import static fi.muutos.organisation.ReformProcess.Elements.DRAFT;
import static fi.muutos.organisation.ReformProcess.Elements.ELECT_COMMITTEE;
import static fi.muutos.organisation.ReformProcess.Elements.FOLLOW_UP;
import static fi.muutos.organisation.ReformProcess.Elements.PUBLISH_DECISION;
import static fi.muutos.organisation.ReformProcess.Elements.RECORDS;
import static fi.muutos.organisation.ReformProcess.Elements.RECORD_DECISION;
import static fi.muutos.organisation.ReformProcess.Elements.STAFF_PLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.cases.StageEntry;
import fi.muutos.events.EventInbox;
import fi.muutos.organisation.OrganisationReformProcedure.StartReform;
import fi.muutos.organisation.OrganisationReformProcedure.Started;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.strategy.StrategyService;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.MutableClock;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.StrategyFixtures;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The organisation and committee reform on the real engine and PostgreSQL: one method per path. */
@IntegrationTest
class OrganisationReformProcessTest {
  @Autowired OrganisationReformProcedure procedure;
  @Autowired Reforms reforms;
  @Autowired TaskService taskService;
  @Autowired StrategyService strategy;
  @Autowired EventInbox inbox;
  @Autowired MutableClock clock;
  @Autowired ProcessDriver driver;

  @Test
  void aReformRunsToEntryIntoForceAndItsReview() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    assertThat(reform.view().stage()).isEqualTo(ReformStage.IMPLEMENTATION);
    reform.elect("Elinvoimalautakunta", 3, 3);
    reform.elect("Sivistyslautakunta", 4, 3);
    reform.complete(DELEGATIONS, Map.of());
    reform.complete(STAFF_PLACEMENT, Map.of());
    reform.complete(RECORDS, Map.of());
    reform.complete(BUDGET, Map.of());
    reform.complete(PUBLISH_DECISION, Map.of("noticeDate", "2024-06-14"));
    reform.job(ReformProcess.Elements.APPEAL_PERIOD_ENDED);
    reform.job(ReformProcess.Elements.ENTRY_INTO_FORCE);
    assertThat(reform.view().stage()).isEqualTo(ReformStage.IN_FORCE);
    reform.job(ReformProcess.Elements.MEASURES_DONE);
    reform.job(ReformProcess.Elements.FOLLOW_UP_DUE);
    reform.complete(
        FOLLOW_UP, Map.of("reviewSummary", "Rakenne toimii; sitovuustasoja tarkennetaan."));

    ReformView view = reform.view();
    assertThat(view.stage()).isEqualTo(ReformStage.REVIEWED);
    assertThat(view.outcome()).isEqualTo("IN_FORCE");
    assertThat(view.councilDecisionOn()).isEqualTo(LocalDate.parse("2024-06-10"));
    // notice 14 June 2024 → received 21 June → 30 days → Sun 21 July → Mon 22 July
    assertThat(view.appealEndsOn()).isEqualTo(LocalDate.parse("2024-07-22"));
    assertThat(view.committees()).allSatisfy(c -> assertThat(c.elected()).isTrue());
    assertThat(view.committees()).extracting(ReformView.CommitteeView::women).containsExactly(3, 4);
    assertThat(view.divisions()).containsExactly("Elinvoima", "Sivistys", "Konserni");
    for (String measure : reform.measures) {
      assertThat(strategy.measure(measure).status()).isEqualTo(MeasureStatus.DONE);
      assertThat(strategy.measure(measure).log().get(0).processInstanceId())
          .isEqualTo(reform.instanceId);
    }
    assertThat(reform.ended(ReformProcess.Elements.END_DONE)).isTrue();
  }

  @Test
  void aReturnedReformIsRedrafted() {
    Reform reform = start();
    reform.throughCouncil("RETURNED");
    reform.assertAt(DRAFT);
    reform.throughCouncil("APPROVED");
    assertThat(reform.view().stages())
        .extracting(StageEntry::stage)
        .containsSubsequence(
            ReformStage.COUNCIL,
            ReformStage.COOPERATION,
            ReformStage.COUNCIL,
            ReformStage.IMPLEMENTATION);
  }

  @Test
  void aRejectedReformEnds() {
    Reform reform = start();
    reform.throughCouncil("REJECTED");
    assertThat(reform.ended(ReformProcess.Elements.END_REJECTED)).isTrue();
    assertThat(reform.view().stage()).isEqualTo(ReformStage.REJECTED);
  }

  @Test
  void aCouncilDecisionEventThatArrivesEarlyIsTakenWhenTheProcessWaits() throws Exception {
    Reform reform = start();
    reform.complete(DRAFT, Map.of("draftReference", "HEI/123/2024"));
    reform.complete(
        COOPERATION,
        Map.of(
            "cooperationStart",
            "2024-03-01",
            "cooperationEnd",
            "2024-04-15",
            "cooperationMinutes",
            "YT 2/2024"));
    String eventId =
        reform.send(
            "{\"body\":\"kaupunginvaltuusto\",\"section\":\"§ 41\","
                + "\"date\":\"2024-06-10\",\"outcome\":\"APPROVED\"}");
    assertThat(inbox.find(eventId).status()).isEqualTo("PENDING");

    reform.complete(BOARD_PROPOSAL, Map.of("boardDate", "2024-05-20"));
    clock.advance(Duration.ofMinutes(1));
    inbox.retryDue();

    assertThat(inbox.find(eventId).status())
        .as(inbox.find(eventId).reason())
        .isEqualTo("CORRELATED");
    assertThat(reform.view().stage()).isEqualTo(ReformStage.IMPLEMENTATION);
    assertThat(reform.visited()).contains(ReformProcess.Elements.DECISION_RECEIVED);
  }

  @Test
  void theParallelStepsMayCompleteInAnyOrder() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    reform.complete(PUBLISH_DECISION, Map.of("noticeDate", "2024-06-14"));
    reform.complete(BUDGET, Map.of());
    reform.complete(RECORDS, Map.of());
    reform.elect("Sivistyslautakunta", 2, 2);
    reform.job(ReformProcess.Elements.APPEAL_PERIOD_ENDED);
    reform.complete(STAFF_PLACEMENT, Map.of());
    reform.complete(DELEGATIONS, Map.of());
    reform.assertAt(ELECT_COMMITTEE, false);
    reform.elect("Elinvoimalautakunta", 2, 3);
    reform.assertAt(ReformProcess.Elements.ENTRY_INTO_FORCE, true);
  }

  @Test
  void anUnbalancedCommitteeIsRefused() {
    Reform reform = start();
    reform.throughCouncil("APPROVED");
    Task task = reform.electionTask("Elinvoimalautakunta");

    assertThatThrownBy(
            () ->
                taskService.complete(
                    task.getId(), new HashMap<>(Map.of("members", "…", "women", 1, "men", 6))))
        .hasMessageContaining("tasa-arvolain 4 a §")
        .hasMessageContaining("Elinvoimalautakunta");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(reform.view().committees().get(0).elected()).isFalse();

    reform.elect("Elinvoimalautakunta", 3, 4);
    assertThat(reform.view().committees().get(0).elected()).isTrue();
  }

  @Test
  void theBoardCannotProposeBeforeCooperationHasEnded() {
    Reform reform = start();
    reform.complete(DRAFT, Map.of("draftReference", "HEI/123/2024"));
    reform.complete(
        COOPERATION,
        Map.of(
            "cooperationStart",
            "2024-03-01",
            "cooperationEnd",
            "2024-04-15",
            "cooperationMinutes",
            "YT 2/2024"));
    assertThatThrownBy(() -> reform.complete(BOARD_PROPOSAL, Map.of("boardDate", "2024-04-01")))
        .hasMessageContaining("boardDate");
    reform.assertAt(BOARD_PROPOSAL, true);
  }

  // --- driving a reform -----------------------------------------------------------------------

  private Reform start() {
    List<String> measures =
        List.of(
            StrategyFixtures.newMeasure(strategy, "hallinto", "NOT_STARTED"),
            StrategyFixtures.newMeasure(strategy, "hallinto", "IN_PROGRESS"));
    Started started =
        procedure.start(
            new StartReform(
                "Organisaatiouudistus " + UUID.randomUUID(),
                LocalDate.parse("2025-01-01"),
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

    void throughCouncil(String outcome) {
      complete(DRAFT, Map.of("draftReference", "HEI/123/2024"));
      complete(
          COOPERATION,
          Map.of(
              "cooperationStart",
              "2024-03-01",
              "cooperationEnd",
              "2024-04-15",
              "cooperationMinutes",
              "YT 2/2024"));
      complete(BOARD_PROPOSAL, Map.of("boardDate", "2024-05-20"));
      complete(
          RECORD_DECISION,
          Map.of(
              "decisionBody",
              "Kaupunginvaltuusto",
              "decisionDate",
              "2024-06-10",
              "decisionOutcome",
              outcome));
    }

    Task electionTask(String committee) {
      return taskService
          .createTaskQuery()
          .processInstanceId(instanceId)
          .taskDefinitionKey(ELECT_COMMITTEE)
          .list()
          .stream()
          .filter(t -> committee.equals(taskService.getVariable(t.getId(), "committee")))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no election task for " + committee));
    }

    void elect(String committee, int women, int men) {
      taskService.complete(
          electionTask(committee).getId(),
          new HashMap<>(Map.of("members", "Jäsen 1\nJäsen 2", "women", women, "men", men)));
    }

    void complete(String key, Map<String, Object> variables) {
      driver.complete(instanceId, key, variables);
    }

    void job(String activityId) {
      driver.jobs(instanceId, activityId);
    }

    String send(String data) {
      return driver.send("fi.muutos.decision.made", businessKey, data);
    }

    void assertAt(String activityId) {
      assertAt(activityId, true);
    }

    void assertAt(String activityId, boolean only) {
      List<String> active = driver.active(instanceId);
      if (only) {
        assertThat(active).containsExactly(activityId);
      } else {
        assertThat(active).contains(activityId);
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
