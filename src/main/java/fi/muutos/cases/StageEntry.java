package fi.muutos.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A stage a case entered: when (system time), from which step, and the legal date the stage counts
 * from where the law gives it one (a decision's date, a display's first day).
 */
public record StageEntry<S extends Enum<S> & CaseStage>(
    S stage, LocalDate legalDate, OffsetDateTime enteredAt, String activityId) {}
