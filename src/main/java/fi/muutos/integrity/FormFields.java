package fi.muutos.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The fields of the Camunda Form a user task or a start event shows, each with its component type
 * ({@code textfield}, {@code number}, {@code checkbox}, ...): the only variables a person may set
 * when completing that task or starting that process, and the type each value must have ({@link
 * FieldValues}). Read from the deployment (whoever asks; not subject to the caller's
 * authorizations) and kept per process definition and element, since deployed forms never change.
 *
 * <p>Engine internals (docs/engine-extensions.md): a task's or start event's Camunda Form is read
 * from the deployment by the engine's own commands, whatever the caller's authorizations. {@code
 * IntegrityDrillTest#everyBypassIsRefusedAndChangesNothing} fails when an upgrade changes that.
 */
final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START = "#start";

  private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

  /** The task form's fields (key → component type); empty when the task has no form. */
  Map<String, String> ofTask(CommandContext context, TaskEntity task) {
    // a form reference may be an expression (a generated survey form): its resolved key counts
    task.initializeFormKey();
    String formKey = task.getCamundaFormRef() == null ? "" : task.getCamundaFormRef().getKey();
    return cache.computeIfAbsent(
        task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey() + "#" + formKey,
        key -> read(context, () -> new GetDeployedTaskFormCmd(task.getId()).execute(context)));
  }

  /** The start form's fields (key → component type); empty when the process has none. */
  Map<String, String> ofStart(CommandContext context, ProcessDefinitionEntity definition) {
    return cache.computeIfAbsent(
        definition.getId() + START,
        key ->
            read(context, () -> new GetDeployedStartFormCmd(definition.getId()).execute(context)));
  }

  private static Map<String, String> read(CommandContext context, Supplier<InputStream> form) {
    InputStream stream;
    try {
      stream = context.runWithoutAuthorization(form::get);
    } catch (BadUserRequestException noForm) {
      return Map.of();
    }
    try (InputStream in = stream) {
      Map<String, String> fields = new TreeMap<>();
      collect(JSON.readTree(in).path("components"), fields);
      return Map.copyOf(fields);
    } catch (IOException e) {
      throw new UncheckedIOException("A deployed form is not JSON", e);
    }
  }

  private static void collect(JsonNode components, Map<String, String> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.put(component.get("key").asText(), component.path("type").asText(""));
      }
      collect(component.path("components"), fields);
    }
  }
}
