package fi.muutos.identity;

import fi.muutos.identity.DemoSettings.DemoUser;
import fi.muutos.identity.IdentitySettings.GroupSettings;
import fi.muutos.platform.SecretSteps;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, when missing, the configured groups, their authorizations and Tasklist filters, and in
 * the demo set-up the demo users. Runs when the engine is built, before the web server accepts
 * requests. Every step is idempotent, so restarts and several nodes starting together are safe (a
 * node that loses a creation race finds the winner's row on its re-check).
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 2)
class IdentityInitializer extends AbstractCamundaConfiguration {

  /** Where a user lands in Tasklist: their own and their groups' open work, soonest due first. */
  static final String WORK_FILTER = "Omat ja ryhmieni tehtävät";

  static final String MY_TASKS_FILTER = "Minulle osoitetut tehtävät";

  /** The earlier release's name of {@link #MY_TASKS_FILTER}, renamed on start-up. */
  static final String OLD_MY_TASKS_FILTER = "Omat tehtävät";

  static final String GROUP_TASKS_FILTER_PREFIX = "Ryhmän tehtävät – ";

  private static final Logger LOG = LoggerFactory.getLogger(IdentityInitializer.class);

  /**
   * What management reads everywhere (Cockpit and the history behind it); the tasks of every
   * shipped process but those with a secret step.
   */
  private static final Map<Resource, List<Permission>> OBSERVER_READS = observerReads();

  private static final Set<String> SECRET_PROCESSES = SecretSteps.processKeysWithSecretSteps();
  private static final Set<String> SHIPPED_PROCESSES = SecretSteps.shippedProcessKeys();

  private final IdentitySettings identity;
  private final DemoSettings demo;
  private final GroupRoles roles;

  IdentityInitializer(IdentitySettings identity, DemoSettings demo, GroupRoles roles) {
    this.identity = identity;
    this.demo = demo;
    this.roles = roles;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var identityService = engine.getIdentityService();
    var authorizations = new Authorizations(engine.getAuthorizationService());
    for (GroupSettings group : identity.groups()) {
      ensureGroup(identityService, group);
      grantRights(authorizations, group);
    }
    ensureFilters(engine.getFilterService(), engine.getTaskService(), authorizations);
    readOwnTasksOfSecretProcesses(engine.getTaskService(), authorizations);
    if (demo.enabled()) {
      demo.users().forEach(user -> ensureDemoUser(identityService, user));
    }
  }

  private static void ensureGroup(IdentityService identityService, GroupSettings settings) {
    if (identityService.createGroupQuery().groupId(settings.id()).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(settings.id());
    group.setName(settings.name());
    group.setType(settings.type());
    saveOnce(
        () -> identityService.saveGroup(group),
        () -> identityService.createGroupQuery().groupId(settings.id()).count() > 0);
    LOG.info("Created group {} ({})", settings.id(), settings.name());
  }

  private void grantRights(Authorizations authorizations, GroupSettings group) {
    for (String application : group.applications()) {
      authorizations.grant(group.id(), Resources.APPLICATION, application, Permissions.ACCESS);
    }
    Set<String> processes = new LinkedHashSet<>(group.processes());
    identity.starts().values().forEach(processes::addAll);
    boolean startsAny = false;
    for (String processKey : processes) {
      boolean takesPart = group.processes().contains(processKey);
      boolean starts = roles.starts(group.id(), processKey);
      startsAny |= starts;
      if (takesPart) {
        authorizations.grant(
            group.id(),
            Resources.PROCESS_DEFINITION,
            processKey,
            Permissions.READ,
            Permissions.READ_INSTANCE,
            Permissions.READ_HISTORY);
        grantTaskReads(authorizations, group.id(), processKey);
      }
      if (starts) {
        authorizations.grant(
            group.id(),
            Resources.PROCESS_DEFINITION,
            processKey,
            Permissions.READ,
            Permissions.CREATE_INSTANCE);
      } else if (takesPart) {
        // only the processes the group starts through its API permissions
        // (muutos.identity.starts); an earlier release gave every process the group took part in
        authorizations.revoke(
            group.id(), Resources.PROCESS_DEFINITION, processKey, Permissions.CREATE_INSTANCE);
      }
    }
    if (startsAny) {
      authorizations.grant(
          group.id(), Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    } else if (!group.processes().isEmpty()) {
      authorizations.revoke(
          group.id(), Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
    if (group.observer()) {
      OBSERVER_READS.forEach(
          (resource, permissions) ->
              authorizations.grant(
                  group.id(), resource, Authorization.ANY, permissions.toArray(Permission[]::new)));
      // an earlier release let observers read every task, ballots included
      authorizations.revoke(group.id(), Resources.TASK, Authorization.ANY, Permissions.READ);
      authorizations.revoke(
          group.id(), Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_TASK);
      SHIPPED_PROCESSES.forEach(key -> grantTaskReads(authorizations, group.id(), key));
    }
  }

  /**
   * On a process with a secret step a candidate group reads its own tasks by a grant on each
   * (GroupTaskAuthorizationProvider); tasks opened before that release get theirs here.
   */
  private static void readOwnTasksOfSecretProcesses(
      TaskService tasks, Authorizations authorizations) {
    if (SECRET_PROCESSES.isEmpty()) {
      return;
    }
    for (var task :
        tasks
            .createTaskQuery()
            .processDefinitionKeyIn(SECRET_PROCESSES.toArray(String[]::new))
            .withCandidateGroups()
            .list()) {
      for (var link : tasks.getIdentityLinksForTask(task.getId())) {
        if (link.getGroupId() != null
            && org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType())) {
          authorizations.grant(link.getGroupId(), Resources.TASK, task.getId(), Permissions.READ);
        }
      }
    }
  }

  /**
   * READ_TASK: the group sees the process's tasks (working on one needs the group to be its
   * candidate; see GroupTaskAuthorizationProvider). Not on a process with a secret step: a ballot
   * is read by its respondent alone, so nobody watches whose ballot ends when (issue 35, E1).
   */
  private static void grantTaskReads(
      Authorizations authorizations, String groupId, String processKey) {
    if (SECRET_PROCESSES.contains(processKey)) {
      authorizations.revoke(
          groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.READ_TASK);
    } else {
      authorizations.grant(
          groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.READ_TASK);
    }
  }

  private void ensureFilters(
      FilterService filters, TaskService tasks, Authorizations authorizations) {
    List<GroupSettings> tasklistGroups =
        identity.groups().stream().filter(GroupSettings::usesTasklist).toList();
    if (tasklistGroups.isEmpty()) {
      return;
    }
    Filter work =
        ensureFilter(
            filters,
            WORK_FILTER,
            tasks
                .createTaskQuery()
                .or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .endOr()
                .orderByDueDate()
                .asc(),
            "Minulle osoitetut ja ryhmieni avoimet tehtävät, lähin eräpäivä ensin",
            -20);
    renameOnce(filters, OLD_MY_TASKS_FILTER, MY_TASKS_FILTER);
    Filter mine =
        ensureFilter(
            filters,
            MY_TASKS_FILTER,
            tasks
                .createTaskQuery()
                .taskAssigneeExpression("${currentUser()}")
                .orderByDueDate()
                .asc(),
            "Minulle osoitetut tehtävät, eräpäivän mukaan",
            -10);
    int priority = 0;
    for (GroupSettings group : tasklistGroups) {
      authorizations.grant(group.id(), Resources.FILTER, work.getId(), Permissions.READ);
      authorizations.grant(group.id(), Resources.FILTER, mine.getId(), Permissions.READ);
      Filter groupFilter =
          ensureFilter(
              filters,
              GROUP_TASKS_FILTER_PREFIX + group.name(),
              tasks
                  .createTaskQuery()
                  .taskCandidateGroup(group.id())
                  .includeAssignedTasks()
                  .orderByDueDate()
                  .asc(),
              "Ryhmän " + group.name() + " tehtävät, eräpäivän mukaan",
              priority++);
      authorizations.grant(group.id(), Resources.FILTER, groupFilter.getId(), Permissions.READ);
    }
  }

  /** An earlier release's filter keeps its id and rights under its new name. */
  private static void renameOnce(FilterService filters, String oldName, String newName) {
    Filter old = filters.createFilterQuery().filterName(oldName).singleResult();
    if (old != null && filters.createFilterQuery().filterName(newName).count() == 0) {
      old.setName(newName);
      filters.saveFilter(old);
    }
  }

  private Filter ensureFilter(
      FilterService filters, String name, TaskQuery query, String description, int priority) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing; // an administrator may have tuned it: leave it as it is
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    // the case each task belongs to, as Tasklist columns (muutos.identity.tasklist-columns)
    properties.put(
        "variables",
        identity.tasklistColumns().stream()
            .map(column -> Map.of("name", column.variable(), "label", column.label()))
            .toList());
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
    saveOnce(
        () -> filters.saveFilter(filter),
        () -> filters.createFilterQuery().filterName(name).count() > 0);
    return filters.createFilterQuery().filterName(name).list().get(0);
  }

  private void ensureDemoUser(IdentityService identityService, DemoUser demoUser) {
    if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
      User user = identityService.newUser(demoUser.id());
      user.setFirstName(demoUser.firstName());
      user.setLastName(demoUser.lastName());
      user.setEmail(demoUser.email());
      user.setPassword(demo.password());
      saveOnce(
          () -> identityService.saveUser(user),
          () -> identityService.createUserQuery().userId(demoUser.id()).count() > 0);
      LOG.info("Created demo user {}", demoUser.id());
    }
    for (String groupId : demoUser.groups()) {
      boolean member =
          identityService.createUserQuery().userId(demoUser.id()).memberOfGroup(groupId).count()
              > 0;
      if (!member) {
        saveOnce(
            () -> identityService.createMembership(demoUser.id(), groupId),
            () ->
                identityService
                        .createUserQuery()
                        .userId(demoUser.id())
                        .memberOfGroup(groupId)
                        .count()
                    > 0);
      }
    }
  }

  /** Runs a creation; if it fails because another node created the same row first, that is fine. */
  static void saveOnce(Runnable create, java.util.function.BooleanSupplier existsNow) {
    try {
      create.run();
    } catch (RuntimeException e) {
      if (!existsNow.getAsBoolean()) {
        throw e;
      }
    }
  }

  private static Map<Resource, List<Permission>> observerReads() {
    Map<Resource, List<Permission>> reads = new LinkedHashMap<>();
    reads.put(
        Resources.PROCESS_DEFINITION,
        List.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY));
    reads.put(Resources.PROCESS_INSTANCE, List.of(Permissions.READ));
    reads.put(Resources.DECISION_DEFINITION, List.of(Permissions.READ, Permissions.READ_HISTORY));
    reads.put(Resources.DECISION_REQUIREMENTS_DEFINITION, List.of(Permissions.READ));
    reads.put(Resources.DEPLOYMENT, List.of(Permissions.READ));
    reads.put(
        Resources.HISTORIC_PROCESS_INSTANCE, List.of(HistoricProcessInstancePermissions.READ));
    reads.put(Resources.HISTORIC_TASK, List.of(HistoricTaskPermissions.READ));
    return Map.copyOf(reads);
  }
}
