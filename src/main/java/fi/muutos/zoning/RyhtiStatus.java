package fi.muutos.zoning;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What Ryhti has of a plan, as far as Muutos knows: the permanent plan identifier it gave, the last
 * phase it accepted (lifecycle code and when), how many messages wait to be sent, and the open
 * problems (what Ryhti refused, in its own words) until a corrected message is accepted.
 */
public record RyhtiStatus(
    boolean enabled,
    String permanentIdentifier,
    String lastDeliveredPhase,
    OffsetDateTime lastDeliveredAt,
    int pending,
    List<RyhtiProblem> problems) {}
