package fi.muutos.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The survey's arithmetic for one kind of item (goals or objectives): each item's mean rating
 * overall and per respondent group, with no figure from fewer than the minimum number of answers
 * (small groups are merged into {@value #OTHERS}, and a remainder still too small takes the next
 * smallest group with it, so no suppressed group's mean can be worked out from the others), and the
 * proposed best and weakest realised: the items rated above and below the average of the items'
 * means (items with equal means always get the same verdict). A cell whose answers are all the same
 * is not published either: its mean would tell each rating. Pure: no database, no names.
 */
public final class EvaluationResults {

  /** The respondent group that merges groups too small to be shown on their own. */
  public static final String OTHERS = "MUUT";

  public static final String BEST = "BEST_REALISED";
  public static final String WEAKEST = "WEAKEST_REALISED";

  private EvaluationResults() {}

  /** One rating of one item (no respondent: only their group). */
  public record Answer(String respondentGroup, String itemCode, int rating) {}

  /**
   * An item's result; {@code mean} is null when too few rated it to publish one. {@code
   * proposedVerdict} is the arithmetic's proposal (best or weakest realised); the evaluator decides
   * the verdicts, and those are published onto the strategy.
   */
  public record ItemResult(
      String code,
      Double mean,
      int responses,
      Map<String, Double> meanByGroup,
      Map<String, Integer> responsesByGroup,
      String proposedVerdict) {}

  /**
   * Results in the given item order; {@code minAnswers} is the fewest answers a published figure
   * may come from.
   */
  public static List<ItemResult> compute(List<String> order, List<Answer> answers, int minAnswers) {
    if (minAnswers < 1) {
      throw new IllegalArgumentException("The minimum is at least 1, not " + minAnswers);
    }
    Map<String, List<Answer>> byItem = new LinkedHashMap<>();
    order.forEach(code -> byItem.put(code, new ArrayList<>()));
    for (Answer answer : answers) {
      if (answer.rating() < 1 || answer.rating() > 5) {
        throw new IllegalArgumentException("A rating is 1–5, not " + answer.rating());
      }
      byItem.computeIfAbsent(answer.itemCode(), c -> new ArrayList<>()).add(answer);
    }
    List<ItemResult> results = new ArrayList<>();
    byItem.forEach((code, list) -> results.add(result(code, list, minAnswers)));
    List<ItemResult> rated = results.stream().filter(r -> r.mean() != null).toList();
    double average = rated.stream().mapToDouble(ItemResult::mean).average().orElse(0);
    return results.stream()
        .map(
            r ->
                new ItemResult(
                    r.code(),
                    r.mean(),
                    r.responses(),
                    r.meanByGroup(),
                    r.responsesByGroup(),
                    r.mean() == null || rated.size() < 2
                        ? null
                        : r.mean() > average + 1e-9
                            ? BEST
                            : r.mean() < average - 1e-9 ? WEAKEST : null))
        .toList();
  }

  private static ItemResult result(String code, List<Answer> list, int minAnswers) {
    Map<String, List<Answer>> byGroup = new TreeMap<>();
    list.forEach(a -> byGroup.computeIfAbsent(a.respondentGroup(), g -> new ArrayList<>()).add(a));
    // groups too small go to the remainder; while the remainder is too small (but not empty),
    // the smallest shown group joins it
    List<String> shown =
        new ArrayList<>(
            byGroup.keySet().stream()
                .filter(g -> publishable(byGroup.get(g), minAnswers))
                .sorted(
                    Comparator.comparingInt((String g) -> byGroup.get(g).size())
                        .thenComparing(Comparator.naturalOrder()))
                .toList());
    List<Answer> remainder = new ArrayList<>();
    byGroup.forEach(
        (group, own) -> {
          if (!shown.contains(group)) {
            remainder.addAll(own);
          }
        });
    while (!remainder.isEmpty() && !publishable(remainder, minAnswers) && !shown.isEmpty()) {
      remainder.addAll(byGroup.get(shown.remove(0)));
    }
    Map<String, Double> meanByGroup = new TreeMap<>();
    Map<String, Integer> countByGroup = new TreeMap<>();
    if (publishable(list, minAnswers)) {
      for (String group : shown) {
        meanByGroup.put(group, round(mean(byGroup.get(group))));
        countByGroup.put(group, byGroup.get(group).size());
      }
      if (publishable(remainder, minAnswers) && !shown.isEmpty()) {
        meanByGroup.put(OTHERS, round(mean(remainder)));
        countByGroup.put(OTHERS, remainder.size());
      }
    }
    return new ItemResult(
        code,
        publishable(list, minAnswers) ? round(mean(list)) : null,
        list.size(),
        meanByGroup,
        countByGroup,
        null);
  }

  /**
   * Whether a figure may come from these answers: at least the minimum, and not unanimous (review
   * E4): a mean of answers that are all the same tells each respondent's rating (a 5.0 is five
   * fives), so such a cell is merged like a small group's, and an item everyone rated the same has
   * no published mean. A minimum of 1 publishes every answer anyway, so there is nothing to keep.
   */
  private static boolean publishable(List<Answer> answers, int minAnswers) {
    return answers.size() >= minAnswers
        && (minAnswers == 1 || answers.stream().mapToInt(Answer::rating).distinct().count() > 1);
  }

  private static double mean(List<Answer> answers) {
    return answers.stream().mapToInt(Answer::rating).average().orElse(0);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
