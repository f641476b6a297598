package fi.muutos.strategy;

import fi.muutos.strategy.StrategyView.ChangeView;
import java.util.List;

/**
 * A measure as a process moved it: its current status and progress, how many changes the process
 * (one instance, or all instances of a process model) made, the last of them, and, for one
 * instance, every change it made, oldest first.
 */
public record MovedMeasure(
    String code,
    String name,
    MeasureStatus status,
    String statusLabel,
    int progress,
    int changes,
    ChangeView lastChange,
    List<ChangeView> log) {}
