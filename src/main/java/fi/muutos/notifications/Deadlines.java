package fi.muutos.notifications;

import fi.muutos.cases.Cases;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Service;

/**
 * The legal deadlines of open tasks (every task bound by a legal period carries its due date): all
 * of them, or a person's (assigned to them, or open to one of their groups). Read as Muutos itself,
 * not as the person: the engine's authorizations are for what a person does.
 */
@Service
public class Deadlines {

  /** The property that marks a timer as the end of a legal period; its value names it. */
  static final String MARKER = "muutos.deadline";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final Map<String, Optional<String[]>> markers = new ConcurrentHashMap<>();
  private final IdentityService identityService;
  private final Cases cases;
  private final NotificationSettings settings;
  private final Clock clock;

  Deadlines(
      TaskService taskService,
      RuntimeService runtimeService,
      ManagementService managementService,
      RepositoryService repositoryService,
      IdentityService identityService,
      Cases cases,
      NotificationSettings settings,
      Clock clock) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.cases = cases;
    this.settings = settings;
    this.clock = clock;
  }

  /** Every open task with a due date and every marked period's end, soonest first. */
  public List<Deadline> all() {
    List<Deadline> all =
        new ArrayList<>(
            deadlines(
                taskService.createTaskQuery().active().list().stream()
                    .filter(t -> t.getDueDate() != null)
                    .toList()));
    all.addAll(periodEnds());
    all.sort(ORDER);
    return all;
  }

  /** The person's: assigned to them, or unassigned and open to one of their groups. */
  public List<Deadline> of(String userId) {
    return of(userId, all());
  }

  /** The person's, from all deadlines read once (a run over every person). */
  public List<Deadline> of(String userId, List<Deadline> all) {
    Set<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .collect(Collectors.toSet());
    return all.stream()
        .filter(
            d ->
                userId.equals(d.assignee())
                    || d.assignee() == null && d.groups().stream().anyMatch(groups::contains))
        .toList();
  }

  private static final Comparator<Deadline> ORDER =
      Comparator.comparing(Deadline::due).thenComparing(Deadline::task);

  /**
   * The ends of the legal periods running now: timers the models mark, for the case's responsible
   * group. The period's last day is the day before its timer fires at midnight.
   */
  private List<Deadline> periodEnds() {
    List<Deadline> ends = new ArrayList<>();
    Map<String, String> activityOf = new HashMap<>();
    managementService.createJobDefinitionQuery().list().stream()
        .filter(definition -> definition.getJobType().startsWith("timer"))
        .forEach(definition -> activityOf.put(definition.getId(), definition.getActivityId()));
    for (Job job : managementService.createJobQuery().timers().active().list()) {
      String activityId = activityOf.get(job.getJobDefinitionId());
      if (activityId == null) {
        continue;
      }
      Optional<String[]> marker = marker(job.getProcessDefinitionId(), activityId);
      if (marker.isEmpty() || job.getProcessInstanceId() == null || job.getDuedate() == null) {
        continue;
      }
      ProcessInstance instance =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceId(job.getProcessInstanceId())
              .singleResult();
      String key = instance == null ? null : instance.getBusinessKey();
      String group = cases.responsibleGroup(key).orElse(null);
      if (group == null) {
        continue;
      }
      var due = job.getDuedate().toInstant().atZone(clock.getZone());
      LocalDate lastDay =
          due.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
              ? due.toLocalDate().minusDays(1)
              : due.toLocalDate();
      ends.add(
          new Deadline(
              "timer-" + job.getId(),
              marker.get()[0],
              key,
              cases.name(key).orElse(key),
              lastDay,
              marker.get()[1],
              settings.baseUrl() + "/camunda/app/tasklist/default/",
              null,
              List.of(group)));
    }
    return ends;
  }

  /** The marker of a model element ({name, documentation}), if it has one. */
  private Optional<String[]> marker(String definitionId, String activityId) {
    return markers.computeIfAbsent(
        definitionId + "#" + activityId,
        key -> {
          BaseElement element =
              repositoryService.getBpmnModelInstance(definitionId).getModelElementById(activityId);
          if (element == null || element.getExtensionElements() == null) {
            return Optional.empty();
          }
          return element
              .getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaProperties.class)
              .list()
              .stream()
              .flatMap(p -> p.getCamundaProperties().stream())
              .filter(p -> MARKER.equals(p.getCamundaName()))
              .findFirst()
              .map(
                  p ->
                      new String[] {
                        p.getCamundaValue(),
                        element.getDocumentations().isEmpty()
                            ? null
                            : element.getDocumentations().iterator().next().getTextContent()
                      });
        });
  }

  private List<Deadline> deadlines(List<Task> tasks) {
    Set<String> instanceIds =
        tasks.stream()
            .map(Task::getProcessInstanceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    Map<String, String> keys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      runtimeService
          .createProcessInstanceQuery()
          .processInstanceIds(instanceIds)
          .list()
          .forEach(p -> keys.put(p.getId(), businessKey(p)));
    }
    List<Deadline> deadlines = new ArrayList<>();
    for (Task task : tasks) {
      String key = keys.get(task.getProcessInstanceId());
      List<String> groups =
          taskService.getIdentityLinksForTask(task.getId()).stream()
              .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
              .map(IdentityLink::getGroupId)
              .filter(id -> id != null)
              .toList();
      deadlines.add(
          new Deadline(
              task.getId(),
              task.getName(),
              key,
              cases.name(key).orElse(key),
              task.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate(),
              task.getDescription(),
              settings.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId(),
              task.getAssignee(),
              groups));
    }
    deadlines.sort(ORDER);
    return deadlines;
  }

  private static String businessKey(ProcessInstance instance) {
    return instance.getBusinessKey();
  }
}
