package fi.muutos.cases;

import java.time.LocalDate;

/**
 * Published (synchronously, in the transaction that recorded it) when a case enters a stage or a
 * stage gets its legal date: what a feature that mirrors the record elsewhere (Ryhti) queues from.
 */
public record CaseStageRecorded(
    String processKey, String businessKey, String stage, LocalDate legalDate) {}
