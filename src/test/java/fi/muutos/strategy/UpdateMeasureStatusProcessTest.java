package fi.muutos.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.strategy.StrategyView.ChangeView;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.StrategyFixtures;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code #{updateMeasureStatus}} from a real BPMN on PostgreSQL, the job driven by the test: one
 * method per path.
 */
@IntegrationTest
class UpdateMeasureStatusProcessTest {

  static final String PROCESS = "measureUpdateCheck";
  static final String TASK = "serviceTask_markInProgress";

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired StrategyService strategy;

  @Test
  void milestoneUpdatesTheMeasureWithTheProcessAsItsSource() {
    String code = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");
    String instanceId =
        runtimeService
            .startProcessInstanceByKey(PROCESS, "KAAVA-2026-1", Map.of("measureCode", code))
            .getId();

    managementService.executeJob(job(instanceId).getId());

    MeasureView measure = strategy.measure(code);
    assertThat(measure.status()).isEqualTo(MeasureStatus.IN_PROGRESS);
    assertThat(measure.progress()).isEqualTo(40);
    ChangeView change = measure.log().get(0);
    assertThat(change.sourceType()).isEqualTo("PROCESS");
    assertThat(change.processDefinitionKey()).isEqualTo(PROCESS);
    assertThat(change.processInstanceId()).isEqualTo(instanceId);
    assertThat(change.businessKey()).isEqualTo("KAAVA-2026-1");
    assertThat(change.activityId()).isEqualTo(TASK);
    assertThat(change.oldStatus()).isEqualTo(MeasureStatus.NOT_STARTED);
    assertThat(change.note()).isEqualTo("Prosessi käynnistyi");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count())
        .isZero();
  }

  @Test
  void aRetriedJobLogsTheChangeOnce() {
    String code = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");
    String instanceId =
        runtimeService
            .startProcessInstanceByKey(
                PROCESS, "KAAVA-2026-2", Map.of("measureCode", code, "failOnce", true))
            .getId();

    String jobId = job(instanceId).getId();
    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasMessageContaining("Simulated failure");
    assertThat(strategy.measure(code).status())
        .as("rolled back with the job")
        .isEqualTo(MeasureStatus.NOT_STARTED);

    managementService.executeJob(jobId);

    List<ChangeView> processChanges =
        strategy.measure(code).log().stream()
            .filter(c -> "PROCESS".equals(c.sourceType()))
            .toList();
    assertThat(processChanges).hasSize(1);
    assertThat(processChanges.get(0).processInstanceId()).isEqualTo(instanceId);
  }

  @Test
  void anUnknownMeasureCodeBecomesAFinnishIncidentNamingTheCode() {
    String instanceId =
        runtimeService
            .startProcessInstanceByKey(PROCESS, "KAAVA-2026-3", Map.of("measureCode", "M-EI-OLE"))
            .getId();

    String jobId = job(instanceId).getId();
    while (managementService.createJobQuery().jobId(jobId).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasMessageContaining("M-EI-OLE");
    }

    Incident incident =
        runtimeService.createIncidentQuery().processInstanceId(instanceId).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(TASK);
    assertThat(incident.getIncidentMessage())
        .as("Finnish, saying what to do, then the failure (ADR 0052)")
        .startsWith("Automaattinen vaihe epäonnistui kaikilla yrityksillä")
        .contains("Cockpitissa (Incidents → Retry)", "Toimenpidettä M-EI-OLE ei ole");
  }

  @Test
  void aCancelledMeasureStaysCancelledAndTheStepGoesOn() {
    String code = StrategyFixtures.newMeasure(strategy, "kaavoitus", "CANCELLED");
    String instanceId =
        runtimeService
            .startProcessInstanceByKey(PROCESS, "KAAVA-2026-4", Map.of("measureCode", code))
            .getId();

    managementService.executeJob(job(instanceId).getId());

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instanceId).count())
        .as("a foreseeable state is no incident (ADR 0052)")
        .isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count())
        .isZero();
    assertThat(strategy.measure(code).status()).isEqualTo(MeasureStatus.CANCELLED);
    assertThat(strategy.measure(code).log()).hasSize(1); // only its creation
  }

  private Job job(String instanceId) {
    return managementService.createJobQuery().processInstanceId(instanceId).singleResult();
  }
}
