package fi.muutos.cases;

import java.time.LocalDate;

/**
 * Published (synchronously, in the transaction that recorded it) when a case enters a stage or a
 * stage gets its legal date: what a feature that mirrors the record elsewhere (Ryhti) queues from,
 * and what the strategy's measures follow when the case ends with an {@code outcome} (ADR 0052).
 */
public record CaseStageRecorded(
    String processKey,
    String businessKey,
    String stage,
    LocalDate legalDate,
    String outcome,
    String activityId) {

  /** A stage (or a stage's legal date) without an outcome. */
  public CaseStageRecorded(
      String processKey, String businessKey, String stage, LocalDate legalDate) {
    this(processKey, businessKey, stage, legalDate, null, null);
  }
}
