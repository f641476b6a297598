package fi.muutos.zoning;

import fi.muutos.zoning.ZoningPlanView.StageEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the national register's adapter (Ryhti) reads of a plan: its record and its stages with
 * their legal dates, and nothing else. A lean read for every stage event and every delivery: no
 * statements, filings, backdatings or register state, which the plan's full view ({@link
 * ZoningPlanView}) assembles for people.
 */
public record PlanForRegister(
    long id,
    String businessKey,
    String name,
    PlanType type,
    ZoningStage stage,
    String recordNumber,
    LocalDate noticeDate,
    String decidedBy,
    String decisionSection,
    List<StageEntry> stages) {

  /** The legal date of the stage's latest entry, if the plan entered it and it has one. */
  public Optional<LocalDate> legalDate(ZoningStage stage) {
    return stages.stream()
        .filter(s -> s.stage() == stage)
        .reduce((a, b) -> b)
        .map(StageEntry::legalDate);
  }
}
