package fi.muutos.strategy;

import fi.muutos.strategy.StrategyView.ChangeView;
import java.time.LocalDate;
import java.util.List;

/**
 * A measure (toimenpide) as read: its state, its last change, and (when asked for one measure) its
 * whole log, newest first.
 */
public record MeasureView(
    String code,
    String name,
    String description,
    String objective,
    String ownerGroup,
    LocalDate startsOn,
    LocalDate dueOn,
    MeasureStatus status,
    String statusLabel,
    int progress,
    String note,
    ChangeView lastChange,
    List<ChangeView> log) {

  MeasureView withoutPersonalData() {
    return new MeasureView(
        code,
        name,
        description,
        objective,
        ownerGroup,
        startsOn,
        dueOn,
        status,
        statusLabel,
        progress,
        note,
        lastChange == null ? null : lastChange.withoutPersonalData(),
        log == null ? null : log.stream().map(ChangeView::withoutPersonalData).toList());
  }
}
