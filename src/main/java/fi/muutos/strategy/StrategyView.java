package fi.muutos.strategy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The strategy as goals → objectives → measures, with roll-ups and evaluation ratings. */
public record StrategyView(
    String code,
    String name,
    String municipality,
    LocalDate adoptedOn,
    RollUp rollUp,
    List<GoalView> goals,
    /* objectives the data does not place under a goal */
    List<ObjectiveView> unplacedObjectives,
    /* measures the data does not place under an objective */
    List<MeasureView> unplacedMeasures,
    List<EvaluationView> evaluations) {

  /** The same strategy without personal data: no user ids in the changes. */
  public StrategyView withoutPersonalData() {
    return new StrategyView(
        code,
        name,
        municipality,
        adoptedOn,
        rollUp,
        goals.stream().map(GoalView::withoutPersonalData).toList(),
        unplacedObjectives.stream().map(ObjectiveView::withoutPersonalData).toList(),
        unplacedMeasures.stream().map(MeasureView::withoutPersonalData).toList(),
        evaluations);
  }

  /** A goal (päämäärä). */
  public record GoalView(
      String code,
      String name,
      String ownerGroup,
      LocalDate startsOn,
      LocalDate endsOn,
      RollUp rollUp,
      List<RatingView> ratings,
      List<ObjectiveView> objectives) {
    GoalView withoutPersonalData() {
      return new GoalView(
          code,
          name,
          ownerGroup,
          startsOn,
          endsOn,
          rollUp,
          ratings,
          objectives.stream().map(ObjectiveView::withoutPersonalData).toList());
    }
  }

  /** An objective of the council term (valtuustokauden tavoite). */
  public record ObjectiveView(
      String code,
      String name,
      String ownerGroup,
      String placementNote,
      LocalDate startsOn,
      LocalDate endsOn,
      RollUp rollUp,
      List<RatingView> ratings,
      List<MeasureView> measures) {
    ObjectiveView withoutPersonalData() {
      return new ObjectiveView(
          code,
          name,
          ownerGroup,
          placementNote,
          startsOn,
          endsOn,
          rollUp,
          ratings,
          measures.stream().map(MeasureView::withoutPersonalData).toList());
    }
  }

  /** How an evaluation rated a goal or objective. */
  public record RatingView(
      String evaluation,
      String evaluationName,
      String verdict,
      Double meanScore,
      Integer responses,
      String respondentGroup) {}

  /** An evaluation with its findings (successes, attention areas, follow-ups). */
  public record EvaluationView(
      String code,
      String name,
      String evaluator,
      LocalDate startedOn,
      LocalDate endedOn,
      String method,
      List<FindingView> findings) {}

  /** One finding of an evaluation. */
  public record FindingView(String kind, String text) {}

  /** A change of a measure as a log entry, with its source. */
  public record ChangeView(
      OffsetDateTime at,
      MeasureStatus oldStatus,
      MeasureStatus newStatus,
      Integer oldProgress,
      int newProgress,
      String note,
      String sourceType,
      String userId,
      String processDefinitionKey,
      String processInstanceId,
      String businessKey,
      String activityId) {
    ChangeView withoutPersonalData() {
      return new ChangeView(
          at,
          oldStatus,
          newStatus,
          oldProgress,
          newProgress,
          note,
          sourceType,
          null,
          processDefinitionKey,
          processInstanceId,
          businessKey,
          activityId);
    }
  }
}
