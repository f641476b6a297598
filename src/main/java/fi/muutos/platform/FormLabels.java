package fi.muutos.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * How a refusal names what a person entered (issue 36): a field by the label its form shows
 * ("Nähtävillä alkaen (draftDisplayStart)"), a date as the form shows it (1.10.2026). The labels
 * are read from the task's deployed Camunda Form and kept per process definition, task and form,
 * since deployed forms never change; a field no form shows is named by its variable.
 *
 * <p>Engine internals (docs/engine-extensions.md): a task's Camunda Form is read from the
 * deployment by the engine's own command inside the running command, whatever the caller's
 * authorizations. {@code
 * OrganisationReformProcessTest#aRefusalNamesTheFieldByItsLabelAndTheDateAsTheFormShowsIt} fails
 * when an upgrade changes that.
 */
public final class FormLabels {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Map<String, String>> CACHE = new ConcurrentHashMap<>();
  private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  private FormLabels() {}

  /** A date as a Finnish form shows it: 1.10.2026. */
  public static String date(LocalDate date) {
    return date == null ? "" : FINNISH_DATE.format(date);
  }

  /**
   * The field as the task's form labels it, with its variable: "Neuvottelut päättyivät
   * (cooperationEnd)".
   */
  public static String field(DelegateTask task, String variable) {
    String label = labels(task).get(variable);
    return label == null || label.isBlank() ? variable : label + " (" + variable + ")";
  }

  private static Map<String, String> labels(DelegateTask delegate) {
    CommandContext context = Context.getCommandContext();
    if (!(delegate instanceof TaskEntity task) || context == null) {
      return Map.of();
    }
    task.initializeFormKey();
    String formKey = task.getCamundaFormRef() == null ? "" : task.getCamundaFormRef().getKey();
    return CACHE.computeIfAbsent(
        task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey() + "#" + formKey,
        key -> read(context, task));
  }

  private static Map<String, String> read(CommandContext context, TaskEntity task) {
    InputStream stream;
    try {
      stream =
          context.runWithoutAuthorization(
              () -> new GetDeployedTaskFormCmd(task.getId()).execute(context));
    } catch (BadUserRequestException noForm) {
      return Map.of();
    }
    try (InputStream in = stream) {
      Map<String, String> labels = new TreeMap<>();
      collect(JSON.readTree(in).path("components"), labels);
      return Map.copyOf(labels);
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
  }

  private static void collect(JsonNode components, Map<String, String> labels) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        String label = component.path("label").asText("");
        if (label.isBlank()) {
          label = component.path("dateLabel").asText("");
        }
        labels.put(component.get("key").asText(), label.strip());
      }
      collect(component.path("components"), labels);
    }
  }
}
