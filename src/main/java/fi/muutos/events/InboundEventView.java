package fi.muutos.events;

import java.time.OffsetDateTime;

/**
 * An inbound event as stored, with its outcome: {@code RECEIVED} (being handled), {@code PENDING}
 * (no process waits for it yet: retried), {@code CORRELATED}, {@code REJECTED} (unknown type) or
 * {@code EXPIRED} (no process waited within the horizon) or {@code ON_CASE} (a legal filing no step
 * took: kept on its case, a task for the case's group, ADR 0052). {@code filingStatus} is the
 * status of the event's filing on its case (RECEIVED, TAKEN, OUTSIDE_STEP, HANDLED), null when the
 * event is no filing on a known case. {@code duplicate} marks an answer to a repeat of an event
 * already stored.
 */
public record InboundEventView(
    String id,
    String source,
    String eventId,
    String type,
    String subject,
    String status,
    String reason,
    String messageName,
    int attempts,
    OffsetDateTime receivedAt,
    OffsetDateTime nextAttemptAt,
    OffsetDateTime expiresAt,
    OffsetDateTime correlatedAt,
    String processInstanceId,
    String filingStatus,
    boolean duplicate) {

  InboundEventView asDuplicate() {
    return new InboundEventView(
        id,
        source,
        eventId,
        type,
        subject,
        status,
        reason,
        messageName,
        attempts,
        receivedAt,
        nextAttemptAt,
        expiresAt,
        correlatedAt,
        processInstanceId,
        filingStatus,
        true);
  }
}
