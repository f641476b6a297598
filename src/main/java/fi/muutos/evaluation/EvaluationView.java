package fi.muutos.evaluation;

import fi.muutos.evaluation.EvaluationResults.ItemResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An evaluation and its aggregated results: response rate, respondents per group, each goal's and
 * objective's mean overall and per group (only as far as no respondent can be recognised), the
 * verdicts, interviews, successes and follow-up areas. No respondent is named. While the survey is
 * open only the participation is shown ({@code resultsShown} false, no results): a result that
 * changes with each ballot would tell what its respondent answered.
 */
public record EvaluationView(
    long id,
    String businessKey,
    String name,
    String evaluator,
    LocalDate startedOn,
    LocalDate surveyClosesOn,
    EvaluationStage stage,
    String processInstanceId,
    BigDecimal responseRate,
    Map<String, Integer> respondentsByGroup,
    Map<String, Integer> answeredByGroup,
    List<ItemResult> goalResults,
    List<ItemResult> results,
    int interviews,
    String synthesis,
    List<String> successes,
    List<String> followUps,
    Integer modelVersion,
    boolean resultsShown,
    String verdictsNote) {

  /** What the results' verdicts are (walk F6): the arithmetic's proposal, not the decision. */
  public static final String PROPOSED_VERDICTS =
      "proposedVerdict on laskennallinen ehdotus keskiarvoista; arvioija päättää arviot, ja"
          + " julkaistut arviot ovat strategiassa (/api/strategy).";
}
