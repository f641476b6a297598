package fi.muutos.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.evaluation.EvaluationResults.Answer;
import fi.muutos.evaluation.EvaluationResults.ObjectiveResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationResultsTest {

  static final List<String> ORDER = List.of("O-A", "O-B", "O-C", "O-D", "O-E", "O-F", "O-G");

  @Test
  void meansOverallAndPerGroup() {
    List<ObjectiveResult> results =
        EvaluationResults.compute(
            ORDER,
            List.of(
                new Answer("VALTUUTETUT", "O-A", 4),
                new Answer("VALTUUTETUT", "O-A", 5),
                new Answer("JOHTORYHMA", "O-A", 2)));

    ObjectiveResult a = results.get(0);
    assertThat(a.mean()).isEqualTo(3.67);
    assertThat(a.responses()).isEqualTo(3);
    assertThat(a.meanByGroup()).containsEntry("VALTUUTETUT", 4.5).containsEntry("JOHTORYHMA", 2.0);
    assertThat(a.responsesByGroup()).containsEntry("VALTUUTETUT", 2).containsEntry("JOHTORYHMA", 1);
    assertThat(results.get(1).mean()).isNull();
    assertThat(results.get(1).verdict()).isNull();
  }

  @Test
  void theBestAndWeakestThreeAreRanked() {
    List<Answer> answers =
        List.of(
            new Answer("G", "O-A", 5),
            new Answer("G", "O-B", 4),
            new Answer("G", "O-C", 3),
            new Answer("G", "O-D", 3),
            new Answer("G", "O-E", 2),
            new Answer("G", "O-F", 1),
            new Answer("G", "O-G", 4));

    List<ObjectiveResult> results = EvaluationResults.compute(ORDER, answers);

    assertThat(results)
        .filteredOn(r -> "BEST_REALISED".equals(r.verdict()))
        .extracting(ObjectiveResult::objectiveCode)
        .containsExactlyInAnyOrder("O-A", "O-B", "O-G");
    assertThat(results)
        .filteredOn(r -> "WEAKEST_REALISED".equals(r.verdict()))
        .extracting(ObjectiveResult::objectiveCode)
        .containsExactlyInAnyOrder("O-F", "O-E", "O-C");
  }

  @Test
  void fewRatedObjectivesGetFewerVerdicts() {
    List<ObjectiveResult> results =
        EvaluationResults.compute(
            ORDER,
            List.of(
                new Answer("G", "O-A", 5), new Answer("G", "O-B", 1), new Answer("G", "O-C", 3)));
    assertThat(results).filteredOn(r -> r.verdict() != null).hasSize(2); // one best, one weakest
  }

  @Test
  void aRatingOutsideOneToFiveIsRefused() {
    assertThatThrownBy(() -> EvaluationResults.compute(ORDER, List.of(new Answer("G", "O-A", 6))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
