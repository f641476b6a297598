package fi.muutos.events;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.platform.ProcessVariable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The event routes ({@code muutos.events.routes}) and the processes' models cannot drift apart:
 * each process that may receive a type declares the route's message (or its fallback), the route's
 * local keys are local variables of that model, every variable the route writes is one the process
 * reads (its constants or its model), every filing's date and reference are the route's variables,
 * and every type a sender may send has a route.
 */
class EventRoutesTest {

  /** The processes that receive events, and the classes of their typed variables. */
  static final Map<String, Class<?>> CONSTANTS =
      Map.of(
          "zoningPlan", fi.muutos.zoning.ZoningPlanProcess.class,
          "organisationReform", fi.muutos.organisation.ReformProcess.class,
          "serviceTransfer", fi.muutos.transfer.TransferProcess.class,
          "strategyEvaluation", fi.muutos.evaluation.EvaluationProcess.class);

  /**
   * What the routes carry that no process uses yet: known, and named so that a new one fails here
   * (and so does one that starts being used, to be taken off this list). The elinvoimakeskus as the
   * requester of a rectification (it is the only one who may make it, AKL 195 §) and the court a
   * plan's appeal was lodged with (the plan keeps the court that decides) are kept in history;
   * whether a statement objects is shown to nobody yet.
   */
  static final Map<String, Set<String>> NOT_YET_READ =
      Map.of(
          "fi.muutos.zoning.appeal.filed", Set.of("appealCourt"),
          "fi.muutos.zoning.rectification.requested", Set.of("rectificationAuthority"),
          "fi.muutos.zoning.statement.received", Set.of("statementObjections"));

  private static final Pattern MESSAGE = Pattern.compile("<bpmn:message [^>]*name=\"([^\"]+)\"");
  private static final Pattern INPUT = Pattern.compile("<camunda:inputParameter name=\"([^\"]+)\"");

  @Test
  void everyRouteMatchesTheModelsOfTheProcessesThatReceiveIt() throws Exception {
    EventSettings settings = settings();
    List<String> problems = new ArrayList<>();
    assertThat(settings.processes()).as("the shipped configuration").isNotEmpty();
    Map<String, Set<String>> unread = new HashMap<>(); // type → variables no receiver reads
    for (var entry : settings.processes().entrySet()) {
      String process = entry.getKey();
      String model = model(process);
      Set<String> messages = all(MESSAGE, model);
      Set<String> locals = all(INPUT, model);
      Set<String> reads = variables(CONSTANTS.get(process));
      reads.addAll(variables(fi.muutos.platform.Decision.class));
      for (String type : entry.getValue()) {
        var route = settings.route(type);
        if (route.isEmpty()) {
          problems.add(process + " receives " + type + ", which has no route");
          continue;
        }
        var r = route.get();
        if (!messages.contains(r.message())
            && (r.fallbackMessage() == null || !messages.contains(r.fallbackMessage()))) {
          problems.add(process + " declares no message " + r.message() + " for " + type);
        }
        for (String key : r.localKeys()) {
          if (!locals.contains(key)) {
            problems.add(process + " has no local variable " + key + " for " + type);
          }
        }
        Set<String> notRead =
            unread.computeIfAbsent(type, t -> new HashSet<>(r.variables().keySet()));
        notRead.removeIf(variable -> reads.contains(variable) || model.contains(variable));
        if (r.filing() != null) { // kept on the case's record (ADR 0052)
          notRead.remove(r.filing().date());
          notRead.remove(r.filing().reference());
        }
      }
    }
    unread.values().removeIf(Set::isEmpty);
    assertThat(unread)
        .as("variables a route writes that no process receiving it reads, nor its filing keeps")
        .isEqualTo(NOT_YET_READ);
    for (var route : settings.routes()) {
      if (route.filing() != null) {
        for (String variable : new String[] {route.filing().date(), route.filing().reference()}) {
          if (variable != null && !route.variables().containsKey(variable)) {
            problems.add(route.type() + "'s filing names " + variable + ", no variable of it");
          }
        }
      }
    }
    for (var sender : settings.senders().entrySet()) {
      for (String type : sender.getValue().types()) {
        if (settings.route(type).isEmpty()) {
          problems.add(sender.getKey() + " may send " + type + ", which has no route");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aDriftIsFound() {
    Set<String> messages = all(MESSAGE, "<bpmn:message id=\"m\" name=\"decisionMade\" />");
    assertThat(messages).containsExactly("decisionMade");
    assertThat(all(INPUT, "<camunda:inputParameter name=\"authority\">x</camunda:inputParameter>"))
        .containsExactly("authority");
  }

  static EventSettings settings() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    // the application's settings, the processes' event contract, the municipality's senders
    for (String file :
        List.of("application.yml", "config/event-routes.yml", "municipality/heinola.yml")) {
      for (PropertySource<?> source :
          new YamlPropertySourceLoader()
              .load(file, new FileSystemResource("src/main/resources/" + file))) {
        environment.getPropertySources().addLast(source);
      }
    }
    return Binder.get(environment).bind("muutos.events", EventSettings.class).get();
  }

  static String model(String process) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String text = Files.readString(file);
        if (text.contains("<bpmn:process id=\"" + process + "\"")) {
          return text;
        }
      }
    }
    throw new AssertionError("no model of " + process);
  }

  static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new HashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** The names of the typed variables a constants class (and its nested classes) declares. */
  static Set<String> variables(Class<?> constants) throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    if (constants == null) {
      return names;
    }
    Map<Class<?>, Boolean> seen = new HashMap<>();
    List<Class<?>> classes = new ArrayList<>(List.of(constants.getDeclaredClasses()));
    classes.add(constants);
    for (Class<?> type : classes) {
      if (seen.put(type, true) != null) {
        continue;
      }
      for (Field field : type.getFields()) { // a Vars class may extend a stage's variables
        if (Modifier.isStatic(field.getModifiers())
            && ProcessVariable.class.isAssignableFrom(field.getType())) {
          field.setAccessible(true);
          names.add(((ProcessVariable<?>) field.get(null)).name());
        }
      }
    }
    return names;
  }
}
