package fi.muutos.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sourceforge.pmd.cpd.CPDConfiguration;
import net.sourceforge.pmd.cpd.CpdAnalysis;
import net.sourceforge.pmd.cpd.Mark;
import net.sourceforge.pmd.cpd.Match;
import org.junit.jupiter.api.Test;

/**
 * Copies in src/main, counted by PMD's copy-paste detector (the pom's CPD gate fails on any repeat
 * of 120 tokens): at most five copies to the letter of 40 tokens (about six lines) or more, and at
 * most six repeats of 50 tokens with other names and literals per 1,000 lines. The declaration
 * tables that are alike by design are left out (see {@link #ALIKE_BY_DESIGN}). A failure lists the
 * places, so the copy can become one piece of code.
 */
class CopiesTest {

  static final Path MAIN = Path.of("src/main/java");

  static final int MAX_COPIES = 5;
  static final int MAX_SHAPES_PER_THOUSAND_LINES = 6;

  /**
   * Files whose sameness is their purpose, one line per element, variable, rule or bean: the
   * process classes' constants (which also name the shared variables, {@code DECISION_DATE =
   * Decision.DATE}, so each process's list is whole) and a stage's variables a process's {@code
   * Vars} extends ({@code *Vars.java}) are left out of both counts, the rule tables and the
   * delegate lists out of the count of shapes.
   */
  static final List<String> DECLARATIONS = List.of("Process.java", "Vars.java");

  static final List<String> ALIKE_BY_DESIGN =
      List.of("Process.java", "Vars.java", "TaskValidator.java", "Delegates.java");

  @Test
  void atMostFiveCopiesToTheLetter() throws IOException {
    List<Match> copies = cpd(sources(DECLARATIONS), 40, false);
    assertThat(copies).as(places(copies)).hasSizeLessThanOrEqualTo(MAX_COPIES);
  }

  @Test
  void atMostSixRepeatsOfTheSameShapePerThousandLines() throws IOException {
    List<Path> counted = sources(ALIKE_BY_DESIGN);
    long lines = 0;
    for (Path file : counted) {
      try (Stream<String> text = Files.lines(file)) {
        lines += text.count();
      }
    }
    List<Match> shapes = cpd(counted, 50, true);
    assertThat(shapes.size())
        .as("%d repeats in %d lines%n%s", shapes.size(), lines, places(shapes))
        .isLessThanOrEqualTo((int) (MAX_SHAPES_PER_THOUSAND_LINES * lines / 1000));
  }

  @Test
  void aCopyWithOtherNamesIsFound() throws IOException {
    List<Path> fixture;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/copies"))) {
      fixture = files.sorted().toList();
    }
    assertThat(cpd(fixture, 40, true)).hasSize(1);
    assertThat(cpd(fixture, 40, false)).isEmpty();
  }

  /** The sources of src/main but those whose names end so. */
  static List<Path> sources(List<String> leftOut) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> leftOut.stream().noneMatch(f.getFileName().toString()::endsWith))
          .sorted()
          .toList();
    }
  }

  static List<Match> cpd(List<Path> files, int tokens, boolean ignoreNames) throws IOException {
    CPDConfiguration config = new CPDConfiguration();
    config.setOnlyRecognizeLanguage(config.getLanguageRegistry().getLanguageById("java"));
    config.setMinimumTileSize(tokens);
    config.setIgnoreIdentifiers(ignoreNames);
    config.setIgnoreLiterals(ignoreNames);
    config.setSkipDuplicates(false);
    List<Match> matches = new ArrayList<>();
    try (CpdAnalysis analysis = CpdAnalysis.create(config)) {
      for (Path file : files) {
        analysis.files().addFile(file, config.getLanguageRegistry().getLanguageById("java"));
      }
      analysis.performAnalysis(report -> matches.addAll(report.getMatches()));
    }
    return matches;
  }

  static String places(List<Match> matches) {
    return matches.stream()
        .map(
            match ->
                match.getTokenCount()
                    + " tokens: "
                    + match.getMarkSet().stream()
                        .map(CopiesTest::place)
                        .sorted()
                        .collect(Collectors.joining(" ~ ")))
        .collect(Collectors.joining("\n"));
  }

  private static String place(Mark mark) {
    var location = mark.getLocation();
    return location.getFileId().getFileName() + ":" + location.getStartLine();
  }
}
