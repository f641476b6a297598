package fi.muutos.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every design decision (docs/adr) reads on its own: a numbered title, a status, a first sentence
 * that begins a sentence, enough words to say why; the records rewritten from the old README (0001
 * to 0037) and every new one from 0055 have the template's four parts; the index lists them all.
 */
class DecisionRecordsTest {

  static final Path ADR = Path.of("docs/adr");
  static final Pattern FILE = Pattern.compile("(\\d{4})-[a-z0-9-]+\\.md");
  static final List<String> PARTS =
      List.of("## Context", "## Decision", "## Consequences", "## Alternatives");

  @Test
  void everyRecordReadsOnItsOwn() throws IOException {
    List<Path> records = records();
    assertThat(records).hasSizeGreaterThan(50);
    String index = Files.readString(ADR.resolve("README.md"));
    for (Path record : records) {
      String name = record.getFileName().toString();
      Matcher file = FILE.matcher(name);
      assertThat(file.matches()).as(name).isTrue();
      int number = Integer.parseInt(file.group(1));
      List<String> problems = problems(number, Files.readString(record));
      assertThat(problems).as(name).isEmpty();
      assertThat(index).as("the index lists " + name).contains("(" + name + ")");
    }
  }

  @Test
  void aFragmentIsFound() {
    String fragment =
        "# 14. The inbox stores first\n\nStatus: accepted\n\n, in which the process's step and"
            + " the event's status commit together.\n";
    assertThat(problems(14, fragment))
        .anyMatch(p -> p.contains("begins mid-sentence"))
        .anyMatch(p -> p.contains("words"))
        .anyMatch(p -> p.contains("## Context"));
  }

  static List<String> problems(int number, String text) {
    List<String> problems = new java.util.ArrayList<>();
    String[] lines = text.split("\n");
    if (!lines[0].matches("# " + number + "\\. \\S.*")) {
      problems.add("the title is not '# " + number + ". ...': " + lines[0]);
    }
    if (!text.contains("\nStatus: ")) {
      problems.add("no status line");
    }
    String afterStatus = text.replaceFirst("(?s).*?\nStatus: [^\n]*\n", "").strip();
    if (afterStatus.isEmpty() || !afterStatus.substring(0, 1).matches("[A-Z#`*(\\[\"0-9]")) {
      problems.add("the text begins mid-sentence: " + afterStatus.lines().findFirst().orElse(""));
    }
    long words = afterStatus.split("\\s+").length;
    if (words < 80) {
      problems.add("only " + words + " words: a reader cannot see why");
    }
    if (number <= 37 || number >= 55) {
      for (String part : PARTS) {
        if (!text.contains("\n" + part + "\n")) {
          problems.add("no '" + part + "'");
        }
      }
    }
    return problems;
  }

  static List<Path> records() throws IOException {
    try (Stream<Path> files = Files.list(ADR)) {
      return files
          .filter(f -> FILE.matcher(f.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
  }
}
