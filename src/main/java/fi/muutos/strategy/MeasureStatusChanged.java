package fi.muutos.strategy;

import java.time.OffsetDateTime;

/**
 * Published (as a Spring application event, inside the transaction of the change) whenever a
 * measure's status, progress or note changes; the events feature writes it to the outbox.
 */
public record MeasureStatusChanged(
    String strategyCode,
    String measureCode,
    MeasureStatus oldStatus,
    MeasureStatus newStatus,
    int oldProgress,
    int newProgress,
    String note,
    OffsetDateTime changedAt,
    String sourceType,
    String processInstanceId,
    String businessKey,
    String activityId) {}
