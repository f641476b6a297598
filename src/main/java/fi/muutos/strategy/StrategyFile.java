package fi.muutos.strategy;

import java.time.LocalDate;
import java.util.List;

/** A strategy data file as read and validated; every item keeps its line for error messages. */
record StrategyFile(
    Header strategy,
    List<GoalData> goals,
    List<ObjectiveData> objectives,
    List<MeasureData> measures,
    List<EvaluationData> evaluations) {

  record Header(
      String code, String name, String municipality, LocalDate adoptedOn, String description) {}

  record GoalData(
      int line, String code, String name, String owner, LocalDate startsOn, LocalDate endsOn) {}

  record ObjectiveData(
      int line,
      String code,
      String name,
      String goal,
      String owner,
      String placementNote,
      LocalDate startsOn,
      LocalDate endsOn) {}

  record MeasureData(
      int line,
      String code,
      String name,
      String description,
      String objective,
      String owner,
      LocalDate startsOn,
      LocalDate dueOn,
      MeasureStatus status,
      int progress,
      String note) {}

  record EvaluationData(
      int line,
      String code,
      String name,
      String evaluator,
      LocalDate startedOn,
      LocalDate endedOn,
      String method,
      List<RatingData> ratings,
      List<FindingData> findings) {}

  /** A verdict on a goal ({@code goal == true}) or an objective. */
  record RatingData(int line, String target, boolean goal, String verdict) {}

  record FindingData(String kind, String text) {}
}
