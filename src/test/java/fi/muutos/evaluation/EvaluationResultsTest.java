package fi.muutos.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.evaluation.EvaluationResults.Answer;
import fi.muutos.evaluation.EvaluationResults.ItemResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationResultsTest {

  static final List<String> ORDER = List.of("O-A", "O-B", "O-C", "O-D", "O-E", "O-F", "O-G");

  @Test
  void meansOverallAndPerGroup() {
    List<ItemResult> results =
        EvaluationResults.compute(
            ORDER,
            List.of(
                new Answer("VALTUUTETUT", "O-A", 4),
                new Answer("VALTUUTETUT", "O-A", 5),
                new Answer("JOHTORYHMA", "O-A", 2),
                new Answer("JOHTORYHMA", "O-A", 3)),
            2);

    ItemResult a = results.get(0);
    assertThat(a.mean()).isEqualTo(3.5);
    assertThat(a.responses()).isEqualTo(4);
    assertThat(a.meanByGroup()).containsEntry("VALTUUTETUT", 4.5).containsEntry("JOHTORYHMA", 2.5);
    assertThat(a.responsesByGroup()).containsEntry("VALTUUTETUT", 2).containsEntry("JOHTORYHMA", 2);
    assertThat(results.get(1).mean()).isNull();
    assertThat(results.get(1).proposedVerdict()).isNull();
  }

  /** No published figure may identify a person (issue 18, evaluation 2). */
  @Test
  void aGroupWithFewerAnswersThanTheMinimumIsMergedIntoOthers() {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(new Answer("VALTUUTETUT", "O-A", i == 0 ? 5 : 4));
    }
    answers.add(new Answer("JOHTORYHMA", "O-A", 1));
    answers.add(new Answer("JOHTORYHMA", "O-A", 2));
    answers.add(new Answer("NUORISOVALTUUSTO", "O-A", 5));
    answers.add(new Answer("VANHUSNEUVOSTO", "O-A", 3));

    ItemResult a = EvaluationResults.compute(ORDER, answers, 3).get(0);

    // 2 + 1 + 1 answers merge into MUUT (4 ≥ 3); the big group stays
    assertThat(a.meanByGroup())
        .containsOnlyKeys("VALTUUTETUT", EvaluationResults.OTHERS)
        .containsEntry(EvaluationResults.OTHERS, 2.75);
    assertThat(a.responsesByGroup()).containsEntry(EvaluationResults.OTHERS, 4);
  }

  @Test
  void aRemainderStillTooSmallTakesTheNextSmallestGroupSoNoGroupCanBeWorkedOut() {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(new Answer("VALTUUTETUT", "O-A", i == 0 ? 5 : 4));
    }
    for (int i = 0; i < 3; i++) {
      answers.add(new Answer("JOHTORYHMA", "O-A", i == 0 ? 3 : 2));
    }
    answers.add(new Answer("YKSI", "O-A", 5));

    ItemResult a = EvaluationResults.compute(ORDER, answers, 3).get(0);

    // YKSI alone would be derivable from the overall mean and the two groups: JOHTORYHMA joins it
    assertThat(a.meanByGroup())
        .containsOnlyKeys("VALTUUTETUT", EvaluationResults.OTHERS)
        .containsEntry(EvaluationResults.OTHERS, 3.0);
    assertThat(a.mean()).isEqualTo(3.63);
  }

  /**
   * Review E4: a mean of answers that are all the same tells every rating (a 5.0 from three is
   * three fives), so a unanimous group is merged like a small one and a unanimous item has no mean.
   */
  @Test
  void aUnanimousCellIsNotPublishedBecauseItsMeanTellsEveryRating() {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(new Answer("JOHTORYHMA", "O-A", 5));
      answers.add(new Answer("VALTUUTETUT", "O-A", 2 + i));
      answers.add(new Answer("HENKILOSTO", "O-A", 1 + i));
      answers.add(new Answer("JOHTORYHMA", "O-B", 4));
    }

    List<ItemResult> results = EvaluationResults.compute(ORDER, answers, 3);

    // JOHTORYHMA's three fives merge with the smallest shown group into MUUT
    assertThat(results.get(0).meanByGroup())
        .doesNotContainKey("JOHTORYHMA")
        .containsKey(EvaluationResults.OTHERS)
        .doesNotContainValue(5.0);
    assertThat(results.get(0).mean()).isNotNull();
    // everyone rated O-B 4: no figure at all
    assertThat(results.get(1).mean()).isNull();
    assertThat(results.get(1).meanByGroup()).isEmpty();
  }

  @Test
  void fewerAnswersThanTheMinimumPublishNoFigureAtAll() {
    ItemResult a =
        EvaluationResults.compute(
                ORDER, List.of(new Answer("G", "O-A", 5), new Answer("H", "O-A", 1)), 3)
            .get(0);
    assertThat(a.mean()).isNull();
    assertThat(a.responses()).isEqualTo(2);
    assertThat(a.meanByGroup()).isEmpty();
    assertThat(a.proposedVerdict()).isNull();
  }

  @Test
  void theBestAndWeakestAreThoseAboveAndBelowTheAverageWithTiesAlike() {
    List<Answer> answers =
        List.of(
            new Answer("G", "O-A", 5),
            new Answer("G", "O-B", 4),
            new Answer("G", "O-C", 3),
            new Answer("G", "O-D", 3),
            new Answer("G", "O-E", 2),
            new Answer("G", "O-F", 1),
            new Answer("G", "O-G", 4));

    // the average of the means is 22 / 7 ≈ 3.14
    List<ItemResult> results = EvaluationResults.compute(ORDER, answers, 1);

    assertThat(results)
        .filteredOn(r -> EvaluationResults.BEST.equals(r.proposedVerdict()))
        .extracting(ItemResult::code)
        .containsExactlyInAnyOrder("O-A", "O-B", "O-G");
    assertThat(results)
        .filteredOn(r -> EvaluationResults.WEAKEST.equals(r.proposedVerdict()))
        .extracting(ItemResult::code)
        .containsExactlyInAnyOrder("O-C", "O-D", "O-E", "O-F");
  }

  @Test
  void heinolas2024ResultFiveBestAndThreeWeakestComesFromTheArithmetic() {
    List<String> order = List.of("A", "B", "C", "D", "E", "F", "G", "H");
    int[] ratings = {4, 4, 4, 4, 4, 2, 2, 2};
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      answers.add(new Answer("G", order.get(i), ratings[i]));
    }
    List<ItemResult> results = EvaluationResults.compute(order, answers, 1);
    assertThat(results)
        .filteredOn(r -> EvaluationResults.BEST.equals(r.proposedVerdict()))
        .hasSize(5);
    assertThat(results)
        .filteredOn(r -> EvaluationResults.WEAKEST.equals(r.proposedVerdict()))
        .hasSize(3);
  }

  @Test
  void equalMeansGetNoVerdict() {
    List<ItemResult> results =
        EvaluationResults.compute(
            ORDER, List.of(new Answer("G", "O-A", 3), new Answer("G", "O-B", 3)), 1);
    assertThat(results).allSatisfy(r -> assertThat(r.proposedVerdict()).isNull());
  }

  @Test
  void aRatingOutsideOneToFiveIsRefused() {
    assertThatThrownBy(
            () -> EvaluationResults.compute(ORDER, List.of(new Answer("G", "O-A", 6)), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
