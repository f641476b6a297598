package fi.muutos.strategy;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * An objective's or goal's state derived from its measures (never stored): how many measures are in
 * each status, their mean progress and one overall status. Cancelled measures are counted but do
 * not weigh in the progress or the overall status.
 *
 * <p>The overall status is the most pressing one: {@code DELAYED} if any measure is delayed, else
 * {@code AT_RISK} if any is at risk, else {@code DONE} when all are done, else {@code IN_PROGRESS}
 * when any has started, else {@code NOT_STARTED}; {@code null} with no measures (nothing to say).
 */
public record RollUp(
    int measures, Map<MeasureStatus, Integer> byStatus, Integer progress, MeasureStatus status) {

  public RollUp {
    byStatus = Map.copyOf(byStatus);
  }

  static RollUp of(Collection<MeasureView> measures) {
    Counter counter = new Counter();
    measures.forEach(measure -> counter.add(measure.status(), 1, measure.progress()));
    return counter.rollUp();
  }

  /** Adds up measures by status, as many at a time as a database's count gives. */
  static final class Counter {
    private final Map<MeasureStatus, Integer> counts = new EnumMap<>(MeasureStatus.class);
    private int measures;
    private int active;
    private long progressSum;

    void add(MeasureStatus status, int howMany, long progressOfThem) {
      counts.merge(status, howMany, Integer::sum);
      measures += howMany;
      if (status != MeasureStatus.CANCELLED) {
        active += howMany;
        progressSum += progressOfThem;
      }
    }

    RollUp rollUp() {
      Integer progress = active == 0 ? null : Math.round((float) progressSum / active);
      return new RollUp(measures, counts, progress, overall(counts, active));
    }
  }

  private static MeasureStatus overall(Map<MeasureStatus, Integer> counts, int active) {
    if (active == 0) {
      return counts.isEmpty() ? null : MeasureStatus.CANCELLED;
    }
    if (counts.containsKey(MeasureStatus.DELAYED)) {
      return MeasureStatus.DELAYED;
    }
    if (counts.containsKey(MeasureStatus.AT_RISK)) {
      return MeasureStatus.AT_RISK;
    }
    if (counts.getOrDefault(MeasureStatus.DONE, 0) == active) {
      return MeasureStatus.DONE;
    }
    if (counts.containsKey(MeasureStatus.IN_PROGRESS) || counts.containsKey(MeasureStatus.DONE)) {
      return MeasureStatus.IN_PROGRESS;
    }
    return MeasureStatus.NOT_STARTED;
  }
}
