package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * Each process's page in docs/processes lists its steps as the BPMN has them: name, kind, who does
 * it, the deadline where the model sets one, and the step's documentation (its legal basis). The
 * table is generated from the model, in reading order (left to right, top to bottom), and this test
 * fails when the committed page differs: run it with {@code -Dmuutos.docs=write} to rewrite the
 * tables after changing a model. The diagrams beside them are drawn from the same models by {@code
 * BrowserTest.everyProcessDiagramIsRenderedFromItsModel}.
 */
class ProcessDocsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path DOCS = Path.of("docs/processes");
  static final String BEGIN = "<!-- steps: generated from the BPMN by ProcessDocsTest -->";
  static final String END = "<!-- /steps -->";

  @Test
  void everyProcessPageListsTheStepsOfItsModel() throws IOException {
    List<String> stale = new ArrayList<>();
    boolean write = "write".equals(System.getProperty("muutos.docs"));
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          Path page = DOCS.resolve(process.getId() + ".md");
          assertThat(page).as("the page of " + process.getId()).exists();
          String text = Files.readString(page);
          assertThat(text).as(page.toString()).contains(BEGIN, END);
          String generated = BEGIN + "\n" + steps(model, process) + END;
          String current = text.substring(text.indexOf(BEGIN), text.indexOf(END) + END.length());
          if (!current.equals(generated)) {
            if (write) {
              Files.writeString(page, text.replace(current, generated));
            } else {
              stale.add(page.toString());
            }
          }
          assertThat(text)
              .as(page + " shows the diagram")
              .contains("(" + process.getId() + ".png)");
          assertThat(DOCS.resolve(process.getId() + ".png")).exists();
        }
      }
    }
    assertThat(stale)
        .as(
            "pages whose steps differ from the model (mvn test -Dtest=ProcessDocsTest "
                + "-Dmuutos.docs=write rewrites them)")
        .isEmpty();
  }

  static String steps(BpmnModelInstance model, Process process) {
    Map<String, BpmnShape> shapes =
        model.getModelElementsByType(BpmnShape.class).stream()
            .filter(shape -> shape.getBpmnElement() != null)
            .collect(
                Collectors.toMap(
                    shape -> shape.getBpmnElement().getId(), shape -> shape, (a, b) -> a));
    StringBuilder table =
        new StringBuilder(
            "| # | vaihe | laji | kuka | määräaika | peruste ja huomiot |\n|---:|---|---|---|---|---|\n");
    int n = 0;
    List<FlowNode> nodes =
        model.getModelElementsByType(FlowNode.class).stream()
            .filter(node -> kind(node) != null && node.getName() != null)
            .filter(node -> shapes.containsKey(node.getId()))
            .sorted(
                Comparator.comparingInt((FlowNode node) -> isInEventSubProcess(node) ? 1 : 0)
                    .thenComparingDouble(node -> Math.round(bounds(shapes, node)[0] / 40.0))
                    .thenComparingDouble(node -> bounds(shapes, node)[1]))
            .toList();
    for (FlowNode node : nodes) {
      table
          .append("| ")
          .append(++n)
          .append(" | ")
          .append(cell(node.getName()))
          .append(" | ")
          .append(kind(node))
          .append(" | ")
          .append(
              node instanceof UserTask task && task.getCamundaCandidateGroups() != null
                  ? "`" + task.getCamundaCandidateGroups() + "`"
                  : "")
          .append(" | ")
          .append(
              node instanceof UserTask task && task.getCamundaDueDate() != null
                  ? "kyllä"
                  : node instanceof Activity || !hasTimer(node) ? "" : "ajastin")
          .append(" | ")
          .append(cell(documentation(node)))
          .append(" |\n");
    }
    return table.toString();
  }

  private static boolean isInEventSubProcess(FlowNode node) {
    return node.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent();
  }

  private static double[] bounds(Map<String, BpmnShape> shapes, FlowNode node) {
    var b = shapes.get(node.getId()).getBounds();
    return new double[] {b.getX(), b.getY()};
  }

  private static boolean hasTimer(FlowNode node) {
    return !node.getChildElementsByType(TimerEventDefinition.class).isEmpty();
  }

  private static String kind(FlowNode node) {
    if (node instanceof UserTask) {
      return "tehtävä";
    } else if (node instanceof BusinessRuleTask) {
      return "päätöstaulu";
    } else if (node instanceof ServiceTask) {
      return "automaattinen";
    } else if (node instanceof ReceiveTask) {
      return "odottaa viestiä";
    } else if (node instanceof StartEvent) {
      return "alku";
    } else if (node instanceof EndEvent) {
      return "loppu";
    } else if (node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent) {
      if (hasTimer(node)) {
        return "ajastin";
      }
      return node.getChildElementsByType(MessageEventDefinition.class).isEmpty()
          ? "tapahtuma"
          : "viesti";
    }
    return null;
  }

  private static String documentation(FlowNode node) {
    return node.getDocumentations().stream()
        .map(d -> d.getTextContent().strip())
        .collect(Collectors.joining(" "));
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ").replaceAll("\\s+", " ").strip();
  }
}
