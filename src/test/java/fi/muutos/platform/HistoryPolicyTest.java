package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcess;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the history keeps (ADR 0050): every variable update, but no log rows for a job's creation
 * and success; and the two Tasklist indexes exist once the engine has its tables.
 */
@IntegrationTest
class HistoryPolicyTest {

  @Autowired ZoningPlanProcedure zoning;
  @Autowired ProcessDriver driver;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void variableUpdatesStayAndSuccessfulJobsLeaveNoLogRows() {
    String instance =
        zoning
            .start(
                new StartPlan(
                    "Historiakaava " + UUID.randomUUID().toString().substring(0, 6),
                    PlanType.MINOR_DETAILED_PLAN_CHANGE,
                    false,
                    "Tori",
                    null))
            .processInstanceId();
    driver.jobs(instance, ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    driver.complete(
        instance,
        ZoningPlanProcess.Elements.ANNOUNCE_INITIATION,
        ZoningSteps.announce("2026-01-05"));

    assertThat(
            historyService
                .createHistoricDetailQuery()
                .processInstanceId(instance)
                .variableUpdates()
                .list()
                .stream()
                .map(
                    d ->
                        ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
                            .getVariableName()))
        .as("what the planner entered stays in the history")
        .contains("announcementDate");
    assertThat(
            historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
        .anyMatch(
            a -> ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS.equals(a.getActivityId()));
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance).list())
        .as("the asynchronous step ran, and left no creation or success rows")
        .noneMatch(HistoricJobLog::isCreationLog)
        .noneMatch(HistoricJobLog::isSuccessLog);
  }

  @Test
  void tasklistsIndexesExist() {
    assertThat(
            jdbc.queryForList(
                "select lower(indexname) from pg_indexes where lower(indexname) like 'mu_idx_%'",
                String.class))
        .contains("mu_idx_task_due", "mu_idx_ident_lnk_group_task");
  }
}
