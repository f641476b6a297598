package fi.muutos.strategy;

import fi.muutos.strategy.StrategyView.EvaluationView;
import fi.muutos.strategy.StrategyView.RatingView;
import java.time.LocalDate;
import java.util.List;

/**
 * The strategy without its measures (the dashboard's first answer, whatever the number of
 * measures): goals → objectives with their roll-ups, ratings and how many measures each has, which
 * the dashboard then reads a page at a time ({@link MeasurePage}). Its version is the ETag.
 */
public record StrategyOutline(
    String code,
    String name,
    String municipality,
    LocalDate adoptedOn,
    RollUp rollUp,
    List<Goal> goals,
    List<Objective> unplacedObjectives,
    int unplacedMeasures,
    List<EvaluationView> evaluations) {

  /** A goal with its objectives. */
  public record Goal(
      String code,
      String name,
      String ownerGroup,
      LocalDate startsOn,
      LocalDate endsOn,
      RollUp rollUp,
      List<RatingView> ratings,
      List<Objective> objectives) {}

  /** An objective and how many measures it has. */
  public record Objective(
      String code,
      String name,
      String ownerGroup,
      String placementNote,
      LocalDate startsOn,
      LocalDate endsOn,
      RollUp rollUp,
      List<RatingView> ratings,
      int measures) {}

  /** A page of one objective's measures (or of those under no objective). */
  public record MeasurePage(
      String objective, int total, int offset, int limit, List<MeasureView> measures) {

    public MeasurePage withoutPersonalData() {
      return new MeasurePage(
          objective,
          total,
          offset,
          limit,
          measures.stream().map(MeasureView::withoutPersonalData).toList());
    }
  }
}
