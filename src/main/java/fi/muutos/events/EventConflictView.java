package fi.muutos.events;

import java.time.OffsetDateTime;

/**
 * An event that repeated the (source, id) of a stored event with other content: refused, and kept
 * for an administrator ({@code cloudEvent} is what was sent the second time).
 */
public record EventConflictView(
    String id,
    String source,
    String eventId,
    String sender,
    String cloudEvent,
    OffsetDateTime receivedAt) {}
