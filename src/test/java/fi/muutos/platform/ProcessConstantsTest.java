package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.evaluation.EvaluationProcess;
import fi.muutos.organisation.ReformProcess;
import fi.muutos.organisation.ReformStage;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.transfer.TransferProcess;
import fi.muutos.zoning.ZoningPlanProcess;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/**
 * The constants of each process (its key, element ids, message names) name what its model has, and
 * the literal stage and status inputs of its steps are values of their enums: a renamed element or
 * a mistyped stage fails here, not at run time in a case.
 */
class ProcessConstantsTest {

  record Declared(Class<?> constants, String bpmn, Class<? extends Enum<?>> stages) {}

  static final List<Declared> PROCESSES =
      List.of(
          new Declared(
              ZoningPlanProcess.class, "zoning/zoning-plan.bpmn", ZoningPlanProcess.CASE.stages()),
          // not a case: it has no stages (its model records none)
          new Declared(
              fi.muutos.zoning.review.PlanningReviewProcess.class,
              "zoning/planning-review.bpmn",
              ZoningPlanProcess.CASE.stages()),
          new Declared(
              ReformProcess.class,
              "organisation/organisation-reform.bpmn",
              ReformProcess.CASE.stages()),
          new Declared(
              TransferProcess.class,
              "transfer/service-transfer.bpmn",
              TransferProcess.CASE.stages()),
          new Declared(
              EvaluationProcess.class,
              "evaluation/strategy-evaluation.bpmn",
              EvaluationProcess.CASE.stages()),
          // not a case: it records no stages
          new Declared(
              fi.muutos.ryhti.RyhtiCorrectionProcess.class,
              "zoning/ryhti-correction.bpmn",
              ZoningPlanProcess.CASE.stages()),
          // not cases: a filing's task and a meeting decision's match record no stages
          new Declared(
              fi.muutos.cases.CaseFilingProcess.class,
              "cases/case-filing.bpmn",
              ZoningPlanProcess.CASE.stages()),
          new Declared(
              fi.muutos.meetings.MeetingDecisionProcess.class,
              "meetings/meeting-decision.bpmn",
              ZoningPlanProcess.CASE.stages()));

  @Test
  void everyCaseKindIsItsProcesssKey() {
    assertThat(ZoningPlanProcess.CASE.processKey()).isEqualTo(ZoningPlanProcess.KEY);
    assertThat(ReformProcess.CASE.processKey()).isEqualTo(ReformProcess.KEY);
    assertThat(TransferProcess.CASE.processKey()).isEqualTo(TransferProcess.KEY);
    assertThat(EvaluationProcess.CASE.processKey()).isEqualTo(EvaluationProcess.KEY);
  }

  @Test
  void everyConstantNamesItsModelAndEveryStageInputItsEnum() {
    List<String> problems = new ArrayList<>();
    for (Declared declared : PROCESSES) {
      problems.addAll(check(declared));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aConstantThatNamesNothingAndAWrongStageAreCaught() {
    List<String> problems =
        check(new Declared(Drifted.class, "zoning/zoning-plan.bpmn", ReformStage.class));
    assertThat(problems)
        .anyMatch(p -> p.contains("userTask_gone"))
        .anyMatch(p -> p.contains("noSuchMessage"))
        .anyMatch(p -> p.contains("notAProcess"))
        .anyMatch(p -> p.contains("ANNOUNCED")) // a zoning stage, not a reform stage
        .anyMatch(p -> p.contains("reads planName, which Vars does not declare"));
  }

  /** A constants class that has drifted from the zoning model. */
  static final class Drifted {
    static final String KEY = "notAProcess";

    static final class Elements {
      static final String GONE = "userTask_gone";
    }

    static final class Messages {
      static final String NONE = "noSuchMessage";
    }
  }

  static List<String> check(Declared declared) {
    BpmnModelInstance model =
        Bpmn.readModelFromFile(Path.of("processes").resolve(declared.bpmn()).toFile());
    String where = declared.constants().getSimpleName() + " / " + declared.bpmn() + ": ";
    List<String> problems = new ArrayList<>();
    List<String> processIds =
        model.getModelElementsByType(Process.class).stream().map(Process::getId).toList();
    try {
      Field keyField = declared.constants().getDeclaredField("KEY");
      keyField.setAccessible(true);
      String key = (String) keyField.get(null);
      if (!processIds.contains(key)) {
        problems.add(where + "KEY " + key + " is no process of the model");
      }
    } catch (ReflectiveOperationException e) {
      problems.add(where + "no KEY");
    }
    for (Class<?> nested : declared.constants().getDeclaredClasses()) {
      for (String value : strings(nested)) {
        switch (nested.getSimpleName()) {
          case "Elements" -> {
            if (model.getModelElementById(value) == null) {
              problems.add(where + "element " + value + " is not in the model");
            }
          }
          case "Messages" -> {
            if (model.getModelElementsByType(Message.class).stream()
                .noneMatch(m -> value.equals(m.getName()))) {
              problems.add(where + "message " + value + " is not in the model");
            }
          }
          default -> {
            // variables are names of the instance's data, not of the model
          }
        }
      }
    }
    for (CamundaInputParameter input : model.getModelElementsByType(CamundaInputParameter.class)) {
      String value = input.getTextContent() == null ? "" : input.getTextContent().strip();
      if (value.isEmpty() || value.contains("${") || value.contains("#{")) {
        continue;
      }
      if ("stage".equals(input.getCamundaName())
          && (declared.stages() == null || !isValue(declared.stages(), value))) {
        problems.add(where + "stage input " + value + " is not a " + name(declared.stages()));
      }
      if ("status".equals(input.getCamundaName()) && !isValue(MeasureStatus.class, value)) {
        problems.add(where + "status input " + value + " is not a MeasureStatus");
      }
    }
    problems.addAll(undeclaredVariables(declared, where));
    return problems;
  }

  /** What the engine itself provides to expressions. */
  static final Set<String> ENGINE_NAMES =
      Set.of(
          "execution",
          "task",
          "decisionResult",
          "loopCounter",
          "nrOfInstances",
          "nrOfActiveInstances",
          "nrOfCompletedInstances",
          "true",
          "false",
          "null",
          "empty",
          "not",
          "and",
          "or",
          "eq",
          "ne");

  /**
   * Every variable a model's expression reads is declared in its process's {@code Vars} (so a
   * renamed variable fails here); bean references (delegate expressions) are not variables.
   */
  static List<String> undeclaredVariables(Declared declared, String where) {
    Set<String> declaredNames = new java.util.HashSet<>(ENGINE_NAMES);
    declaredNames.addAll(variableNames(declared.constants()));
    String xml;
    try {
      xml = java.nio.file.Files.readString(Path.of("processes").resolve(declared.bpmn()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // delegate expressions name beans; everything else in ${...} reads variables
    xml = xml.replaceAll("delegateExpression=\"[^\"]*\"", "");
    List<String> problems = new ArrayList<>();
    java.util.regex.Matcher expression =
        java.util.regex.Pattern.compile("[$#]\\{([^}]*)}").matcher(xml);
    while (expression.find()) {
      String code =
          expression
              .group(1)
              .replace("&quot;", "\"")
              .replace("&gt;", ">")
              .replace("&lt;", "<")
              .replace("&amp;", "&")
              .replaceAll("'[^']*'", "")
              .replaceAll("\"[^\"]*\"", "");
      java.util.regex.Matcher name =
          java.util.regex.Pattern.compile("(?<![.\\w])([a-zA-Z_]\\w*)").matcher(code);
      while (name.find()) {
        if (!declaredNames.contains(name.group(1))) {
          problems.add(
              where
                  + "expression ${"
                  + expression.group(1)
                  + "} reads "
                  + name.group(1)
                  + ", which Vars does not declare");
        }
      }
    }
    return problems;
  }

  /** The names of the variables a process class declares in its {@code Vars}. */
  static Set<String> variableNames(Class<?> constants) {
    Set<String> names = new java.util.HashSet<>();
    for (Class<?> nested : constants.getDeclaredClasses()) {
      if (nested.getSimpleName().equals("Vars")) {
        for (Field field : nested.getFields()) { // a Vars class may extend a stage's variables
          if (field.getType() == ProcessVariable.class) {
            try {
              field.setAccessible(true);
              names.add(((ProcessVariable<?>) field.get(null)).name());
            } catch (IllegalAccessException e) {
              throw new IllegalStateException(e);
            }
          }
        }
      }
    }
    return names;
  }

  @Test
  void everyFormFieldIsADeclaredVariableOfItsProcess() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Declared declared : PROCESSES) {
      Set<String> names = variableNames(declared.constants());
      Path bpmn = Path.of("processes").resolve(declared.bpmn());
      // the forms this model uses (a folder may hold more than one process)
      Set<String> formIds = new java.util.HashSet<>();
      java.util.regex.Matcher ref =
          java.util.regex.Pattern.compile("camunda:formRef=\"([^\"]+)\"")
              .matcher(java.nio.file.Files.readString(bpmn));
      while (ref.find()) {
        formIds.add(ref.group(1));
      }
      try (var forms = java.nio.file.Files.list(bpmn.getParent())) {
        for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
          JsonNode formJson = new ObjectMapper().readTree(form.toFile());
          if (!formIds.contains(formJson.path("id").asText())) {
            continue;
          }
          for (String key : formKeys(formJson)) {
            if (!names.contains(key)) {
              problems.add(
                  form
                      + ": field "
                      + key
                      + " is not declared in "
                      + declared.constants().getSimpleName()
                      + ".Vars");
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(variableNames(Drifted.class)).isEmpty(); // and so every field of a form would fail
  }

  private static List<String> formKeys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    if (node.has("key") && node.path("type").asText() != null) {
      keys.add(node.path("key").asText());
    }
    for (JsonNode child : node.path("components")) {
      keys.addAll(formKeys(child));
    }
    return keys;
  }

  private static String name(Class<?> type) {
    return type == null ? "stage of this process (it has none)" : type.getSimpleName();
  }

  private static boolean isValue(Class<? extends Enum<?>> type, String value) {
    return Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
  }

  /** The values of a class's own static final String fields. */
  private static List<String> strings(Class<?> type) {
    List<String> values = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        try {
          field.setAccessible(true);
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
