package fi.muutos.strategy;

import java.time.LocalDate;
import java.util.List;

/**
 * An evaluation's published results for the current strategy: ratings of goals and objectives
 * (overall and per respondent group, never per person or a group too small to hide one) and
 * findings such as follow-up areas.
 */
public record EvaluationRecord(
    String code,
    String name,
    String evaluator,
    LocalDate startedOn,
    LocalDate endedOn,
    String method,
    List<Rating> ratings,
    List<Finding> findings) {

  public EvaluationRecord {
    ratings = List.copyOf(ratings);
    findings = List.copyOf(findings);
  }

  /**
   * A rating of one goal ({@code goal}) or objective.
   *
   * @param code the goal's or objective's code
   * @param respondentGroup null for all respondents together
   * @param verdict BEST_REALISED, WEAKEST_REALISED or null
   */
  public record Rating(
      String code,
      boolean goal,
      Double meanScore,
      int responses,
      String respondentGroup,
      String verdict) {}

  /** A finding: kind ATTENTION (follow-up area), SUCCESS, CONTINUOUS, NEXT_STRATEGY. */
  public record Finding(String kind, String text) {}
}
