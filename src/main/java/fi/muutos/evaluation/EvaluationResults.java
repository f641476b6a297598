package fi.muutos.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The survey's arithmetic: each objective's mean rating overall and per respondent group, and the
 * best and weakest realised objectives. Pure: no database, no names.
 */
public final class EvaluationResults {

  private EvaluationResults() {}

  /** One answer to one objective (no respondent: only their group). */
  public record Answer(String respondentGroup, String objectiveCode, int rating) {}

  /** An objective's result. */
  public record ObjectiveResult(
      String objectiveCode,
      Double mean,
      int responses,
      Map<String, Double> meanByGroup,
      Map<String, Integer> responsesByGroup,
      String verdict) {}

  /**
   * Results in the given objective order. The best and weakest realised are the top and bottom
   * {@code min(3, rated / 2)} objectives by mean (ties: the strategy's order); objectives nobody
   * rated have no mean and no verdict.
   */
  public static List<ObjectiveResult> compute(List<String> objectiveOrder, List<Answer> answers) {
    Map<String, List<Answer>> byObjective = new LinkedHashMap<>();
    objectiveOrder.forEach(code -> byObjective.put(code, new ArrayList<>()));
    for (Answer answer : answers) {
      if (answer.rating() < 1 || answer.rating() > 5) {
        throw new IllegalArgumentException("A rating is 1–5, not " + answer.rating());
      }
      byObjective.computeIfAbsent(answer.objectiveCode(), c -> new ArrayList<>()).add(answer);
    }
    List<ObjectiveResult> results = new ArrayList<>();
    byObjective.forEach(
        (code, list) -> {
          Map<String, Double> meanByGroup = new TreeMap<>();
          Map<String, Integer> countByGroup = new TreeMap<>();
          list.stream()
              .map(Answer::respondentGroup)
              .distinct()
              .forEach(
                  group -> {
                    List<Answer> ofGroup =
                        list.stream().filter(a -> a.respondentGroup().equals(group)).toList();
                    meanByGroup.put(group, round(mean(ofGroup)));
                    countByGroup.put(group, ofGroup.size());
                  });
          results.add(
              new ObjectiveResult(
                  code,
                  list.isEmpty() ? null : round(mean(list)),
                  list.size(),
                  meanByGroup,
                  countByGroup,
                  null));
        });
    List<ObjectiveResult> rated = results.stream().filter(r -> r.mean() != null).toList();
    int n = Math.min(3, rated.size() / 2);
    Comparator<ObjectiveResult> byMean = Comparator.comparing(ObjectiveResult::mean);
    List<String> best =
        rated.stream()
            .sorted(byMean.reversed())
            .limit(n)
            .map(ObjectiveResult::objectiveCode)
            .toList();
    List<String> weakest =
        rated.stream().sorted(byMean).limit(n).map(ObjectiveResult::objectiveCode).toList();
    return results.stream()
        .map(
            r ->
                new ObjectiveResult(
                    r.objectiveCode(),
                    r.mean(),
                    r.responses(),
                    r.meanByGroup(),
                    r.responsesByGroup(),
                    best.contains(r.objectiveCode())
                        ? "BEST_REALISED"
                        : weakest.contains(r.objectiveCode()) ? "WEAKEST_REALISED" : null))
        .toList();
  }

  private static double mean(List<Answer> answers) {
    return answers.stream().mapToInt(Answer::rating).average().orElse(0);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
