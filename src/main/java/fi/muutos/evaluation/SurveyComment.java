package fi.muutos.evaluation;

/**
 * A survey comment as the evaluator reads it after the survey closed: the respondent's group (only
 * a group large enough that nobody is recognised), the item (GOAL or OBJECTIVE and its code) and
 * the text. No respondent, no time, no key.
 */
public record SurveyComment(
    String respondentGroup, String target, String itemCode, String comment) {}
