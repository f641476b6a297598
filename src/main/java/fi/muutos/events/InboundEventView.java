package fi.muutos.events;

import java.time.OffsetDateTime;

/**
 * An inbound event as stored, with its outcome: {@code RECEIVED} (being handled), {@code PENDING}
 * (no process waits for it yet: retried), {@code CORRELATED}, {@code REJECTED} (unknown type) or
 * {@code EXPIRED} (no process waited within the horizon). {@code duplicate} marks an answer to a
 * repeat of an event already stored.
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
        true);
  }
}
