package fi.muutos.evaluation;

import fi.muutos.evaluation.EvaluationResults.ObjectiveResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An evaluation and its aggregated results: response rate, respondents per group, each objective's
 * mean overall and per group, the verdicts, interviews and follow-up areas. No respondent is named.
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
    List<ObjectiveResult> results,
    int interviews,
    String synthesis,
    List<String> followUps) {}
