package fi.muutos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist opens on work (issue 36, item 3): a user's first filter shows their own and their
 * groups' open tasks, soonest due first, and each filter's name says whose work it shows.
 */
@IntegrationTest
class TasklistFiltersTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ObjectMapper json;

  @Test
  void aUsersFirstFilterShowsTheirOwnAndTheirGroupsOpenWorkSoonestDueFirst() throws Exception {
    String mark = UUID.randomUUID().toString().substring(0, 6);
    String later = task("Ryhmän myöhempi " + mark, "kaavoitus", null, 20);
    String sooner = task("Ryhmän pian " + mark, "kaavoitus", null, 3);
    String mine = task("Minun " + mark, null, "kaavoittaja", 10);
    String others = task("Kirjaamon " + mark, "kirjaamo", null, 1);
    HttpTestClient http = new HttpTestClient(port);

    JsonNode filters =
        json.readTree(
            http.get("/engine-rest/filter?resourceType=Task", "kaavoittaja", "demo").body());
    JsonNode first = null;
    List<String> names = new ArrayList<>();
    for (JsonNode filter : filters) {
      names.add(filter.path("name").asText());
      if (first == null
          || filter.path("properties").path("priority").asInt()
              < first.path("properties").path("priority").asInt()) {
        first = filter;
      }
    }
    assertThat(first.path("name").asText()).isEqualTo(IdentityInitializer.WORK_FILTER);
    assertThat(names)
        .contains(IdentityInitializer.MY_TASKS_FILTER, "Ryhmän tehtävät – Kaavoitus")
        .doesNotContain(IdentityInitializer.OLD_MY_TASKS_FILTER);

    var listed =
        http.postJson(
            "/engine-rest/filter/" + first.path("id").asText() + "/list",
            "kaavoittaja",
            "demo",
            "{}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(listed.body()).forEach(task -> ids.add(task.path("id").asText()));
    assertThat(ids).contains(sooner, mine, later).doesNotContain(others);
    assertThat(ids.indexOf(sooner)).isLessThan(ids.indexOf(mine));
    assertThat(ids.indexOf(mine)).isLessThan(ids.indexOf(later));
    for (String id : List.of(later, sooner, mine, others)) {
      taskService.deleteTask(id, true);
    }
  }

  private String task(String name, String group, String assignee, int dueInDays) {
    Task task = taskService.newTask();
    task.setName(name);
    task.setDueDate(
        Date.from(
            LocalDate.now()
                .plusDays(dueInDays)
                .atStartOfDay(ZoneId.of("Europe/Helsinki"))
                .toInstant()));
    task.setAssignee(assignee);
    taskService.saveTask(task);
    if (group != null) {
      taskService.addCandidateGroup(task.getId(), group);
      // a process's tasks are read through READ_TASK on its definition; a task of no process
      // needs its own grant
      var work =
          authorizationService
              .createAuthorizationQuery()
              .groupIdIn(group)
              .resourceType(Resources.TASK)
              .resourceId(task.getId())
              .singleResult();
      work.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(work);
    }
    return task.getId();
  }
}
