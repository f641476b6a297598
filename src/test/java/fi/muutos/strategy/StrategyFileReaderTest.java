package fi.muutos.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The data file: Heinola's reads cleanly; a bad file is refused with every problem and its line.
 */
class StrategyFileReaderTest {

  static final Set<String> GROUPS =
      Set.of("kaavoitus", "hallinto", "henkilosto", "talous", "kirjaamo", "johtoryhma");

  static String resource(String path) throws IOException {
    try (var in = StrategyFileReaderTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The Heinola file says only what the city's text says, or marks the rest as assumed (issue 18):
   * no invented adoption date or measure content, and each item of the text's lists is one item.
   */
  @Test
  void heinolasStrategySaysOnlyWhatTheCitysTextSays() throws IOException {
    String yaml = resource("/strategy/heinola-2030.yaml");
    StrategyFile file = StrategyFileReader.read(yaml, GROUPS);
    assertThat(yaml)
        .contains("# assumed: the seed does not name the strategy")
        .contains("# assumed: the seed says only that the updated strategy was adopted");
    for (String code : List.of("M-KAAVOITUSPROSESSIT", "M-HALLINTOSAANTO", "M-TE-UUDISTUS")) {
      assertThat(file.measures())
          .filteredOn(m -> m.code().equals(code))
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.description())
                      .isEqualTo(
                          "Väliarvioinnin mukaan valtuustokauden lopulla erityistä huomiota vaativa kohde."));
    }
    assertThat(file.evaluations().get(0).findings())
        .extracting(StrategyFile.FindingData::text)
        .contains("Keskusten kehittäminen", "Ikääntyneiden huomioiminen")
        .noneMatch(text -> text.contains(" ja ikääntyneiden"));
    // the text names more goals than the two rated best: the file leaves room for them
    assertThat(yaml).contains("the strategy has other");
  }

  @Test
  void heinolasStrategyReads() throws IOException {
    StrategyFile file = StrategyFileReader.read(resource("/strategy/heinola-2030.yaml"), GROUPS);

    assertThat(file.strategy().name()).isEqualTo("Hyvä asuu Heinolassa 2030");
    assertThat(file.strategy().adoptedOn()).hasToString("2022-05-16");
    assertThat(file.goals())
        .extracting(StrategyFile.GoalData::name)
        .containsExactly("Vahva kaupunkiyhteisö", "Kestävä talous");
    assertThat(file.objectives()).hasSize(8);
    assertThat(file.measures())
        .extracting(StrategyFile.MeasureData::code)
        .contains(
            "M-ORGANISAATIO",
            "M-HALLINTOSAANTO",
            "M-LAHTI-AQUA",
            "M-TILAPALVELUT",
            "M-LADEC",
            "M-KAAVOITUSPROSESSIT",
            "M-TE-UUDISTUS");
    var evaluation = file.evaluations().get(0);
    assertThat(evaluation.ratings())
        .filteredOn(r -> r.verdict().equals("BEST_REALISED"))
        .extracting(StrategyFile.RatingData::target)
        .containsExactlyInAnyOrder(
            "G-KAUPUNKIYHTEISO",
            "G-KESTAVA-TALOUS",
            "O-OSALLISUUS",
            "O-HIILINEUTRAALI",
            "O-TOIMIVA-ARKI",
            "O-HENKILOSTO",
            "O-JOHTAMINEN");
    assertThat(evaluation.ratings())
        .filteredOn(r -> r.verdict().equals("WEAKEST_REALISED"))
        .extracting(StrategyFile.RatingData::target)
        .containsExactlyInAnyOrder("O-VELKAMAARA", "O-HYVINVOINTI", "O-ELINKEINOELAMA");
    assertThat(evaluation.findings())
        .filteredOn(f -> f.kind().equals("ATTENTION"))
        .extracting(StrategyFile.FindingData::text)
        .contains("Kaavoitusprosessien kehittäminen", "Hallintosääntöuudistus", "TE-uudistus");
    // where the seed is silent, the file says so
    assertThat(file.objectives())
        .filteredOn(o -> o.goal() != null)
        .allSatisfy(o -> assertThat(o.placementNote()).isNotNull());
  }

  @Test
  void aBadFileIsRefusedWithEveryProblemAndItsLine() throws IOException {
    assertThatThrownBy(
            () -> StrategyFileReader.read(resource("/strategy/bad-strategy.yaml"), GROUPS))
        .isInstanceOfSatisfying(
            StrategyFileException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.line() + ": " + p.message())
                    .containsExactly(
                        "6: 'name' is required",
                        "7: unknown key 'nmae' (expected one of code, name, owner, starts-on, ends-on)",
                        "9: objective O-X names the goal G-NOPE, which the file does not define",
                        "15: unknown status 'DOEN' (one of [NOT_STARTED, IN_PROGRESS, AT_RISK, DELAYED, "
                            + "DONE, CANCELLED])",
                        "16: owner group 'kaavotus' does not exist (known: [hallinto, henkilosto, "
                            + "johtoryhma, kaavoitus, kirjaamo, talous])",
                        "17: progress must be between 0 and 100, not 150",
                        "18: the code M-A is already used on line 13",
                        "21: 'not-a-date' is not a date (YYYY-MM-DD)"));
  }

  @Test
  void aPeriodMayNotEndBeforeItStarts() {
    String file =
        """
        strategy: {code: TEST-DATES, name: Päivät, municipality: Testikunta}
        goals:
          - code: G-D
            name: Päämäärä
            starts-on: 2025-01-01
            ends-on: 2024-12-31
        """;
    assertThatThrownBy(() -> StrategyFileReader.read(file, GROUPS))
        .isInstanceOfSatisfying(
            StrategyFileException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new FileProblem(6, "ends-on 2024-12-31 is before starts-on 2025-01-01")));
  }

  @Test
  void brokenYamlNamesItsLine() {
    assertThatThrownBy(
            () -> StrategyFileReader.read("strategy:\n  code: X\n  name: [oops\n", GROUPS))
        .isInstanceOfSatisfying(
            StrategyFileException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).line()).isPositive();
              assertThat(e.problems().get(0).message()).startsWith("not valid YAML");
            });
  }
}
