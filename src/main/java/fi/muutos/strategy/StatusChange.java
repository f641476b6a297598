package fi.muutos.strategy;

/**
 * A requested change of a measure: the new status, optionally a progress (0–100) and a note. For
 * reopening a finished measure the note is the reason, and it is required.
 */
public record StatusChange(MeasureStatus status, Integer progress, String note) {}
