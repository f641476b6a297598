package fi.muutos.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The steps of a model whose answers are secret (a user task with the extension property {@code
 * muutos.secret = true}: a survey's ballot). The model says it, so every rule that keeps a ballot
 * secret (the engine gate's, the history's, the rights') reads the same mark.
 */
public final class SecretSteps {

  /** The extension property that marks a secret step. */
  public static final String PROPERTY = "muutos.secret";

  /** The variable every multi-instance step gives each of its instances. */
  public static final String LOOP_COUNTER = "loopCounter";

  private SecretSteps() {}

  /** Whether the element is a secret step. */
  public static boolean isSecret(BpmnModelInstance model, String elementId) {
    if (model == null || elementId == null) {
      return false;
    }
    BaseElement element = model.getModelElementById(elementId);
    return element != null && marked(element);
  }

  /** The ids of the model's secret steps. */
  public static Set<String> secretStepIds(BpmnModelInstance model) {
    Set<String> ids = new TreeSet<>();
    if (model != null) {
      model.getModelElementsByType(UserTask.class).stream()
          .filter(SecretSteps::marked)
          .forEach(task -> ids.add(task.getId()));
    }
    return ids;
  }

  /**
   * The variables a secret multi-instance step gives each instance (its element variable, e.g. the
   * respondent, and the loop counter, the respondent's place in the list): together with the
   * instance's execution they would tell whose ballot an instance is.
   */
  public static Set<String> instanceVariables(BpmnModelInstance model) {
    Set<String> names = new TreeSet<>();
    if (model == null) {
      return names;
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (marked(task)
          && task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
        names.add(LOOP_COUNTER);
        if (loop.getCamundaElementVariable() != null) {
          names.add(loop.getCamundaElementVariable());
        }
      }
    }
    return names;
  }

  /**
   * The keys of the models in {@code processes/} that have a secret step: nobody but a ballot's
   * respondent reads their tasks.
   */
  public static Set<String> processKeysWithSecretSteps() {
    Set<String> keys = new TreeSet<>();
    for (Resource resource : shippedModels()) {
      BpmnModelInstance model = read(resource);
      if (model.getModelElementsByType(UserTask.class).stream().anyMatch(SecretSteps::marked)) {
        model.getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable)
            .forEach(process -> keys.add(process.getId()));
      }
    }
    return keys;
  }

  /** The keys of every executable model in {@code processes/}. */
  public static Set<String> shippedProcessKeys() {
    Set<String> keys = new TreeSet<>();
    for (Resource resource : shippedModels()) {
      read(resource).getModelElementsByType(Process.class).stream()
          .filter(Process::isExecutable)
          .forEach(process -> keys.add(process.getId()));
    }
    return keys;
  }

  private static boolean marked(BaseElement element) {
    return element.getExtensionElements() != null
        && element
            .getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaProperties.class)
            .list()
            .stream()
            .flatMap(properties -> properties.getCamundaProperties().stream())
            .anyMatch(
                property ->
                    PROPERTY.equals(property.getCamundaName())
                        && "true".equals(property.getCamundaValue()));
  }

  private static Resource[] shippedModels() {
    try {
      return new PathMatchingResourcePatternResolver()
          .getResources("classpath*:processes/**/*.bpmn");
    } catch (IOException e) {
      throw new UncheckedIOException("processes/ cannot be listed", e);
    }
  }

  private static BpmnModelInstance read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
