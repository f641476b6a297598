package fi.muutos.zoning.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A planning review: its year, when it was compiled from how many plans, approved, published. */
public record PlanningReviewView(
    long id,
    int reviewYear,
    String processInstanceId,
    OffsetDateTime compiledAt,
    int plans,
    LocalDate approvedOn,
    LocalDate publishedOn,
    int version) {}
