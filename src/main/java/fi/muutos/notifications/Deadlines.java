package fi.muutos.notifications;

import fi.muutos.cases.Cases;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The legal deadlines of open tasks (every task bound by a legal period carries its due date): all
 * of them, or a person's (assigned to them, or open to one of their groups). Read as Muutos itself,
 * not as the person: the engine's authorizations are for what a person does.
 */
@Service
public class Deadlines {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Cases cases;
  private final NotificationSettings settings;
  private final Clock clock;

  Deadlines(
      TaskService taskService,
      RuntimeService runtimeService,
      IdentityService identityService,
      Cases cases,
      NotificationSettings settings,
      Clock clock) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.cases = cases;
    this.settings = settings;
    this.clock = clock;
  }

  /** Every open task with a due date, soonest first. */
  public List<Deadline> all() {
    return deadlines(
        taskService.createTaskQuery().active().list().stream()
            .filter(t -> t.getDueDate() != null)
            .toList());
  }

  /** The person's: assigned to them, or unassigned and open to one of their groups. */
  public List<Deadline> of(String userId) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    Map<String, Task> tasks = new HashMap<>();
    taskService
        .createTaskQuery()
        .active()
        .taskAssignee(userId)
        .list()
        .forEach(t -> tasks.put(t.getId(), t));
    if (!groups.isEmpty()) {
      taskService
          .createTaskQuery()
          .active()
          .taskUnassigned()
          .taskCandidateGroupIn(groups)
          .list()
          .forEach(t -> tasks.put(t.getId(), t));
    }
    return deadlines(tasks.values().stream().filter(t -> t.getDueDate() != null).toList());
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
    deadlines.sort(Comparator.comparing(Deadline::due).thenComparing(Deadline::task));
    return deadlines;
  }

  private static String businessKey(ProcessInstance instance) {
    return instance.getBusinessKey();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }
}
