package fi.muutos.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The groups of the municipality and what each may do ({@code muutos.identity.*}). Data, not code:
 * another municipality configures its own groups.
 *
 * @param groups the municipality's groups
 * @param tasklistColumns the Tasklist filters' columns
 * @param starts which processes each {@code /api} start permission starts ({@code zoning.start:
 *     [zoningPlan, planningReview]}): a group may start a process, on every path (the API,
 *     Tasklist, the engine REST API), only if its {@code api} has such a permission. A process no
 *     permission starts is started only by Muutos itself (a message, a timer) or an administrator.
 */
@Validated
@ConfigurationProperties("muutos.identity")
record IdentitySettings(
    @Valid List<GroupSettings> groups,
    @Valid List<TasklistColumn> tasklistColumns,
    Map<@Pattern(regexp = "[a-z]+\\.start") String, List<@NotBlank String>> starts) {

  IdentitySettings {
    groups = groups == null ? List.of() : List.copyOf(groups);
    tasklistColumns = tasklistColumns == null ? List.of() : List.copyOf(tasklistColumns);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (starts != null) {
      starts.forEach(
          (permission, processes) ->
              copy.put(permission, processes == null ? List.of() : List.copyOf(processes)));
    }
    starts = Map.copyOf(copy);
  }

  /**
   * One group.
   *
   * @param id Camunda group id
   * @param name Finnish display name
   * @param type Camunda group type (WORKFLOW for civil servants, SYSTEM for administrators)
   * @param applications Camunda webapps the group may open (tasklist, cockpit, admin)
   * @param processes process definition keys the group takes part in
   * @param observer whether the group reads every process, instance and task (management)
   * @param api what the group may do through {@code /api} ({@link ApiPermissions}: {@code
   *     zoning.start}, {@code reforms.read}, ...)
   * @param lead the user id of the group's lead, who gets the warnings of the group's legal
   *     deadlines (optional)
   */
  record GroupSettings(
      @NotBlank @Pattern(regexp = "[a-z0-9-]+") String id,
      @NotBlank String name,
      String type,
      List<@Pattern(regexp = "tasklist|cockpit|admin|welcome") String> applications,
      List<@NotBlank String> processes,
      boolean observer,
      List<@Pattern(regexp = "[a-z]+\\.[a-z]+") String> api,
      String lead) {

    GroupSettings {
      type = type == null || type.isBlank() ? "WORKFLOW" : type;
      applications = applications == null ? List.of() : List.copyOf(applications);
      processes = processes == null ? List.of() : List.copyOf(processes);
      api = api == null ? List.of() : List.copyOf(api);
      lead = lead == null || lead.isBlank() ? null : lead.strip();
    }

    boolean usesTasklist() {
      return applications.contains("tasklist");
    }
  }

  /**
   * A column of the Tasklist filters: a process variable that names the task's case (each process
   * declares its own) and its Finnish label.
   */
  record TasklistColumn(@NotBlank String variable, @NotBlank String label) {}
}
