package fi.muutos.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.cases.Backdating;
import java.io.IOException;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes "a completion sets only its form's fields" a guarantee that nobody rewrites another
 * step's fact: in each process family, every form field belongs to exactly one form, and no form
 * field has the name of a fact the model itself writes (a DMN output, or an output mapping).
 */
class FormOwnershipTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DMN_OUTPUT = Pattern.compile("<output [^>]*name=\"([^\"]+)\"");

  /**
   * Fields that belong to the task being completed only: read by its completion check, logged on
   * the case, and removed from the process right then, so no later task sees or rewrites them.
   */
  private static final Set<String> PER_TASK_FIELDS = Set.of(Backdating.REASON.name());

  private static final Pattern OUTPUT_PARAMETER =
      Pattern.compile("<camunda:outputParameter name=\"([^\"]+)\"");

  @Test
  void everyFieldBelongsToOneFormAndNoneNamesAFactTheModelWrites() throws IOException {
    List<String> problems = new ArrayList<>();
    int families = 0;
    try (Stream<Path> folders = Files.list(PROCESSES)) {
      for (Path family : folders.filter(Files::isDirectory).toList()) {
        problems.addAll(check(family));
        families++;
      }
    }
    assertThat(families).isEqualTo(6);
    assertThat(problems).isEmpty();
  }

  @Test
  void aFieldInTwoFormsOrNamedAfterADecisionOutputIsCaught(@TempDir Path family)
      throws IOException {
    Files.writeString(family.resolve("a.form"), "{\"components\":[{\"key\":\"decisionDate\"}]}");
    Files.writeString(
        family.resolve("b.form"),
        "{\"components\":[{\"type\":\"group\","
            + "\"components\":[{\"key\":\"decisionDate\"},{\"key\":\"displayDays\"}]}]}");
    Files.writeString(family.resolve("c.dmn"), "<output id=\"o\" name=\"displayDays\" />");
    assertThat(check(family))
        .hasSize(2)
        .anyMatch(p -> p.contains("decisionDate"))
        .anyMatch(p -> p.contains("displayDays"));
  }

  static List<String> check(Path family) throws IOException {
    Set<String> modelFacts = new HashSet<>();
    List<Path> forms;
    try (Stream<Path> files = Files.list(family)) {
      List<Path> all = files.sorted().toList();
      for (Path file : all) {
        String name = file.getFileName().toString();
        if (name.endsWith(".dmn")) {
          collect(DMN_OUTPUT.matcher(Files.readString(file)), modelFacts);
        } else if (name.endsWith(".bpmn")) {
          collect(OUTPUT_PARAMETER.matcher(Files.readString(file)), modelFacts);
        }
      }
      forms = all.stream().filter(f -> f.toString().endsWith(".form")).toList();
    }
    Map<String, String> owner = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Path form : forms) {
      for (String key : keys(JSON.readTree(form.toFile()).path("components"), new ArrayList<>())) {
        if (PER_TASK_FIELDS.contains(key)) {
          continue;
        }
        String before = owner.putIfAbsent(key, form.getFileName().toString());
        if (before != null) {
          problems.add(key + " is a field of both " + before + " and " + form.getFileName());
        }
      }
    }
    owner.keySet().stream()
        .filter(modelFacts::contains)
        .sorted()
        .forEach(
            key ->
                problems.add(
                    key + " (" + owner.get(key) + ") is a fact the model writes, not a person"));
    return problems;
  }

  private static void collect(Matcher matcher, Set<String> into) {
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }

  private static List<String> keys(JsonNode components, List<String> into) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        into.add(component.get("key").asText());
      }
      keys(component.path("components"), into);
    }
    return into;
  }
}
