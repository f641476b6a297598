package fi.muutos.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Drives a process instance in a test the way its users and systems would: complete tasks, execute
 * jobs (the job executor is off), send CloudEvents over HTTP as the meeting system, and read where
 * the instance is and has been.
 */
@Component
public class ProcessDriver {

  /** The event types the demo meeting system sends (muutos.events.senders). */
  static final List<String> MEETING_SYSTEM_TYPES =
      List.of(
          "fi.muutos.decision.made",
          "fi.muutos.decision.taken-over",
          "fi.muutos.process.cancelled");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final Environment environment;
  private final ObjectMapper json;

  ProcessDriver(
      RuntimeService runtimeService,
      TaskService taskService,
      ManagementService managementService,
      HistoryService historyService,
      Environment environment,
      ObjectMapper json) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.environment = environment;
    this.json = json;
  }

  public Task task(String instanceId, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instanceId)
        .taskDefinitionKey(key)
        .singleResult();
  }

  public void complete(String instanceId, String key, Map<String, Object> variables) {
    Task task = task(instanceId, key);
    assertThat(task).as("waiting at " + key).isNotNull();
    taskService.complete(task.getId(), new HashMap<>(variables));
  }

  /** Executes the jobs at an activity (one per instance of a multi-instance activity). */
  public void jobs(String instanceId, String activityId) {
    List<Job> jobs =
        managementService
            .createJobQuery()
            .processInstanceId(instanceId)
            .activityId(activityId)
            .list();
    assertThat(jobs).as("jobs at " + activityId).isNotEmpty();
    jobs.forEach(job -> managementService.executeJob(job.getId()));
  }

  /**
   * Posts a CloudEvent about {@code subject} as the system that sends that type in the demo set-up
   * (decisions and cancellations: the meeting system; the rest: case management); returns its inbox
   * id.
   */
  public String send(String type, String subject, String data) {
    boolean meeting = MEETING_SYSTEM_TYPES.contains(type);
    String event =
        "{\"specversion\":\"1.0\",\"id\":\""
            + UUID.randomUUID()
            + "\",\"source\":\""
            + (meeting ? "/dynasty/test" : "/asianhallinta/test")
            + "\",\"type\":\""
            + type
            + "\",\"subject\":\""
            + subject
            + "\",\"datacontenttype\":\"application/json\",\"data\":"
            + data
            + "}";
    var response =
        new HttpTestClient(Integer.parseInt(environment.getRequiredProperty("local.server.port")))
            .post(
                "/api/events",
                meeting ? "kokousjarjestelma" : "asianhallinta",
                "demo",
                "application/cloudevents+json",
                event);
    // 202 stored (correlated or pending); 422 stored as refused, by its type or a process's rule
    assertThat(response.statusCode()).as(response.body()).isIn(202, 422);
    try {
      return json.readTree(response.body()).path("id").asText();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  public List<String> active(String instanceId) {
    return runtimeService.getActiveActivityIds(instanceId);
  }

  public List<String> visited(String instanceId) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instanceId)
        .list()
        .stream()
        .map(HistoricActivityInstance::getActivityId)
        .toList();
  }

  /** Whether the instance has ended, and through this end event. */
  public boolean ended(String instanceId, String endEvent) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0
        && visited(instanceId).contains(endEvent);
  }
}
