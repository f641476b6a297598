package fi.muutos.evaluation;

import fi.muutos.evaluation.EvaluationResults.ItemResult;
import fi.muutos.platform.TextLines;
import fi.muutos.strategy.EvaluationRecord;
import fi.muutos.strategy.StrategyReads;
import fi.muutos.strategy.StrategyService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation's synthesis and its publication: the arithmetic's proposal (best and weakest
 * realised goals and objectives, ties shown as ties), the evaluator's verdicts checked against the
 * strategy, and the results published onto the strategy's goals and objectives (overall and per
 * respondent group, as far as they may be published).
 */
@Service
public class EvaluationSyntheses {

  private final Evaluations evaluations;
  private final EvaluationRepository repository;
  private final StrategyService strategy;
  private final StrategyReads strategyReads;
  private final Clock clock;

  EvaluationSyntheses(
      Evaluations evaluations,
      EvaluationRepository repository,
      StrategyService strategy,
      StrategyReads strategyReads,
      Clock clock) {
    this.evaluations = evaluations;
    this.repository = repository;
    this.strategy = strategy;
    this.strategyReads = strategyReads;
    this.clock = clock;
  }

  /**
   * The arithmetic's proposal for the evaluator: the best and weakest realised goals and objectives
   * (codes), a synthesis text that shows ties as ties, and the items to choose from.
   */
  public record Proposal(
      String synthesis,
      List<String> bestGoals,
      List<String> weakestGoals,
      List<String> bestObjectives,
      List<String> weakestObjectives,
      List<Map<String, String>> goalChoices,
      List<Map<String, String>> objectiveChoices) {}

  /** Computes the results; returns the proposal the evaluator edits. */
  @Transactional
  public Proposal computeSynthesis(long id, String activityId) {
    Map<String, String> goalNames = new LinkedHashMap<>();
    strategyReads.goals().forEach(g -> goalNames.put(g.code(), g.name()));
    Map<String, String> objectiveNames = new LinkedHashMap<>();
    strategyReads.objectives().forEach(o -> objectiveNames.put(o.code(), o.name()));
    List<ItemResult> goals = evaluations.goalResults(id);
    List<ItemResult> objectives = evaluations.results(id);
    String text =
        "Päämääristä parhaiten toteutuneet: "
            + ranked(goals, EvaluationResults.BEST, goalNames)
            + ". Tavoitteista parhaiten toteutuneet: "
            + ranked(objectives, EvaluationResults.BEST, objectiveNames)
            + ". Heikoimmin toteutuneet: "
            + ranked(objectives, EvaluationResults.WEAKEST, objectiveNames)
            + ".";
    repository.synthesis(id, text, null, null);
    evaluations.enter(id, EvaluationStage.SYNTHESIS, activityId);
    return new Proposal(
        text,
        codes(goals, EvaluationResults.BEST),
        codes(goals, EvaluationResults.WEAKEST),
        codes(objectives, EvaluationResults.BEST),
        codes(objectives, EvaluationResults.WEAKEST),
        choices(goalNames),
        choices(objectiveNames));
  }

  private static List<String> codes(List<ItemResult> results, String verdict) {
    return results.stream()
        .filter(r -> verdict.equals(r.proposedVerdict()))
        .map(ItemResult::code)
        .toList();
  }

  private static List<Map<String, String>> choices(Map<String, String> names) {
    return names.entrySet().stream()
        .map(e -> Map.of("label", e.getValue(), "value", e.getKey()))
        .toList();
  }

  /**
   * The items with a verdict, best first (weakest: weakest first); items with the same mean are one
   * entry, "A ja B (3,5, tasan)" (a Finnish decimal comma).
   */
  private static String ranked(
      List<ItemResult> results, String verdict, Map<String, String> names) {
    Comparator<ItemResult> order = Comparator.comparing(ItemResult::mean);
    if (EvaluationResults.BEST.equals(verdict)) {
      order = order.reversed();
    }
    Map<Double, List<String>> byMean = new LinkedHashMap<>();
    results.stream()
        .filter(r -> verdict.equals(r.proposedVerdict()))
        .sorted(order)
        .forEach(
            r -> byMean.computeIfAbsent(r.mean(), m -> new ArrayList<>()).add(names.get(r.code())));
    if (byMean.isEmpty()) {
      return "–";
    }
    List<String> entries = new ArrayList<>();
    byMean.forEach(
        (mean, tied) ->
            entries.add(
                String.join(" ja ", tied)
                    + " ("
                    + String.valueOf(mean).replace('.', ',')
                    + (tied.size() > 1 ? ", tasan)" : ")")));
    return String.join(", ", entries);
  }

  /** The evaluator's synthesis: text, successes, follow-up areas and the verdicts chosen. */
  public record Synthesis(
      String text,
      String successes,
      String followUps,
      List<String> bestGoals,
      List<String> weakestGoals,
      List<String> bestObjectives,
      List<String> weakestObjectives) {

    public Synthesis {
      bestGoals = bestGoals == null ? List.of() : List.copyOf(bestGoals);
      weakestGoals = weakestGoals == null ? List.of() : List.copyOf(weakestGoals);
      bestObjectives = bestObjectives == null ? List.of() : List.copyOf(bestObjectives);
      weakestObjectives = weakestObjectives == null ? List.of() : List.copyOf(weakestObjectives);
    }
  }

  /**
   * The evaluator's verdicts name the strategy's own goals and objectives, and nothing is both best
   * and weakest realised.
   */
  @Transactional(readOnly = true)
  public void checkSynthesis(Synthesis synthesis) {
    Set<String> goals = new HashSet<>();
    strategyReads.goals().forEach(g -> goals.add(g.code()));
    Set<String> objectives = new HashSet<>();
    strategyReads.objectives().forEach(o -> objectives.add(o.code()));
    List<String> problems = new ArrayList<>();
    unknown(synthesis.bestGoals(), goals, "päämäärää", problems);
    unknown(synthesis.weakestGoals(), goals, "päämäärää", problems);
    unknown(synthesis.bestObjectives(), objectives, "tavoitetta", problems);
    unknown(synthesis.weakestObjectives(), objectives, "tavoitetta", problems);
    both(synthesis.bestGoals(), synthesis.weakestGoals(), problems);
    both(synthesis.bestObjectives(), synthesis.weakestObjectives(), problems);
    if (!problems.isEmpty()) {
      throw Evaluations.invalid("Yhteenvetoa ei voi tallentaa: " + String.join("; ", problems));
    }
  }

  private static void unknown(
      List<String> codes, Set<String> known, String what, List<String> problems) {
    codes.stream()
        .filter(code -> !known.contains(code))
        .forEach(code -> problems.add("strategiassa ei ole " + what + " " + code));
  }

  private static void both(List<String> best, List<String> weakest, List<String> problems) {
    best.stream()
        .filter(weakest::contains)
        .forEach(
            code -> problems.add(code + " ei voi olla sekä parhaiten että heikoimmin toteutunut"));
  }

  /**
   * Publishes the results onto the strategy's goals and objectives: each item's mean overall and
   * per respondent group (as far as they may be published), the evaluator's verdicts, the
   * synthesis, the successes and the follow-up areas (one per line each).
   */
  @Transactional
  public void publish(long id, Synthesis synthesis, String activityId) {
    checkSynthesis(synthesis);
    EvaluationView evaluation = evaluations.find(id);
    List<EvaluationRecord.Rating> ratings = new ArrayList<>();
    rate(evaluation.goalResults(), true, synthesis.bestGoals(), synthesis.weakestGoals(), ratings);
    rate(
        evaluation.results(),
        false,
        synthesis.bestObjectives(),
        synthesis.weakestObjectives(),
        ratings);
    List<EvaluationRecord.Finding> findings = new ArrayList<>();
    TextLines.of(synthesis.successes())
        .forEach(line -> findings.add(new EvaluationRecord.Finding("SUCCESS", line)));
    TextLines.of(synthesis.followUps())
        .forEach(line -> findings.add(new EvaluationRecord.Finding("ATTENTION", line)));
    String text = synthesis.text();
    strategy.recordEvaluation(
        new EvaluationRecord(
            evaluation.businessKey(),
            evaluation.name(),
            evaluation.evaluator(),
            evaluation.startedOn(),
            LocalDate.now(clock),
            (text == null || text.isBlank() ? "" : text.strip() + " ")
                + "Kysely (vastausprosentti "
                + evaluation.responseRate()
                + " %), haastattelut ("
                + evaluation.interviews()
                + " kpl).",
            ratings,
            findings));
    repository.synthesis(id, text, synthesis.successes(), synthesis.followUps());
    evaluations.enter(id, EvaluationStage.PUBLISHED, activityId);
  }

  private static void rate(
      List<ItemResult> results,
      boolean goal,
      List<String> best,
      List<String> weakest,
      List<EvaluationRecord.Rating> ratings) {
    for (ItemResult result : results) {
      String verdict =
          best.contains(result.code())
              ? EvaluationResults.BEST
              : weakest.contains(result.code()) ? EvaluationResults.WEAKEST : null;
      if (result.mean() == null && verdict == null) {
        continue;
      }
      // a count is published only with its mean: an item too few rated for a mean gets the
      // evaluator's verdict alone, not how many rated it (issue 35, E4)
      ratings.add(
          new EvaluationRecord.Rating(
              result.code(),
              goal,
              result.mean(),
              result.mean() == null ? 0 : result.responses(),
              null,
              verdict));
      result
          .meanByGroup()
          .forEach(
              (group, mean) ->
                  ratings.add(
                      new EvaluationRecord.Rating(
                          result.code(),
                          goal,
                          mean,
                          result.responsesByGroup().get(group),
                          group,
                          null)));
    }
  }
}
