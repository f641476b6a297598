package fi.muutos.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The modelling conventions of DESIGN.md, read with the Camunda model API. Returns one readable
 * line per violation, naming the file and element.
 */
final class ModelConventions {

  /** Ids the Modeler generates, e.g. {@code Activity_0x9y8z7}, {@code StartEvent_1}. */
  static final Pattern GENERATED_ID = Pattern.compile("[A-Z][A-Za-z]*_(\\d+|[0-9a-z]{7})");

  private ModelConventions() {}

  static List<String> check(Path modelsDir, Collection<Path> codeDirs) {
    List<String> violations = new ArrayList<>();
    if (!Files.isDirectory(modelsDir)) {
      return violations;
    }
    Set<String> referenced = quotedStrings(codeDirs);
    for (Path file : files(modelsDir)) {
      String name = file.getFileName().toString();
      if (name.endsWith(".bpmn")) {
        checkBpmn(
            modelsDir.relativize(file).toString(),
            Bpmn.readModelFromFile(file.toFile()),
            referenced,
            violations);
      } else if (name.endsWith(".dmn")) {
        checkDmn(
            modelsDir.relativize(file).toString(),
            Dmn.readModelFromFile(file.toFile()),
            violations);
      }
    }
    return violations;
  }

  /** Every camunda:formRef of user tasks and start events under a folder. */
  static Set<String> formRefs(Path modelsDir) {
    Set<String> refs = new HashSet<>();
    for (Path file : files(modelsDir)) {
      if (file.toString().endsWith(".bpmn")) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        model.getModelElementsByType(UserTask.class).forEach(t -> refs.add(t.getCamundaFormRef()));
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
            .map(org.camunda.bpm.model.bpmn.instance.StartEvent::getCamundaFormRef)
            .filter(java.util.Objects::nonNull)
            .forEach(refs::add);
      }
    }
    return refs;
  }

  private static void checkBpmn(
      String file, BpmnModelInstance model, Set<String> referenced, List<String> violations) {
    if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
      violations.add(file + ": no diagram (BPMNDI)");
    } else {
      Set<String> shaped = new HashSet<>();
      model
          .getModelElementsByType(BpmnShape.class)
          .forEach(shape -> shaped.add(shape.getBpmnElement().getId()));
      model.getModelElementsByType(FlowNode.class).stream()
          .filter(node -> !shaped.contains(node.getId()))
          .forEach(
              node -> violations.add(file + ": " + node.getId() + " has no shape in the diagram"));
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        violations.add(file + ": process " + process.getId() + " has no camunda:historyTimeToLive");
      }
      if (process.getName() == null || process.getName().isBlank()) {
        violations.add(file + ": process " + process.getId() + " has no name");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (blank(task.getCamundaCandidateGroups())
          && blank(task.getCamundaCandidateUsers())
          && blank(task.getCamundaAssignee())) {
        violations.add(file + ": user task " + task.getId() + " has no candidate groups");
      }
      if (blank(task.getCamundaFormRef())) {
        violations.add(file + ": user task " + task.getId() + " has no camunda:formRef");
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (blank(task.getCamundaDelegateExpression())
          || !blank(task.getCamundaClass())
          || !blank(task.getCamundaExpression())
          || !blank(task.getCamundaType())) {
        violations.add(
            file + ": service task " + task.getId() + " must use camunda:delegateExpression only");
      }
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String id = element.getId();
      if (id != null && GENERATED_ID.matcher(id).matches() && referenced.contains(id)) {
        violations.add(file + ": generated id " + id + " is referred to by code: give it a name");
      }
    }
  }

  private static void checkDmn(String file, DmnModelInstance model, List<String> violations) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (blank(decision.getCamundaHistoryTimeToLiveString())) {
        violations.add(
            file + ": decision " + decision.getId() + " has no camunda:historyTimeToLive");
      }
    }
  }

  private static Set<String> quotedStrings(Collection<Path> codeDirs) {
    Set<String> strings = new HashSet<>();
    Pattern quoted = Pattern.compile("\"([A-Za-z][A-Za-z0-9_]*)\"");
    for (Path dir : codeDirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (Path file : files(dir)) {
        try {
          quoted.matcher(Files.readString(file)).results().forEach(m -> strings.add(m.group(1)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return strings;
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
