package fi.muutos.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A correction of a recorded legal fact, on the case's record as an act of its own: the stage whose
 * legal date was corrected ({@code oldDate} → {@code newDate}), or the state the case was put back
 * to ({@code newStage}: legal force recorded in error), why, who and when.
 */
public record Correction(
    String stage,
    LocalDate oldDate,
    LocalDate newDate,
    String newStage,
    String reason,
    OffsetDateTime correctedAt,
    String correctedBy,
    String activityId) {}
