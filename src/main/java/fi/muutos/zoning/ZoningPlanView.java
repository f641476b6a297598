package fi.muutos.zoning;

import com.fasterxml.jackson.databind.JsonNode;
import fi.muutos.cases.Backdating;
import fi.muutos.cases.Filing;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A plan as management and integrations see it: where it is (stage and Ryhti code), for how long,
 * its next legal deadline, every stage it has passed, its area (GeoJSON, EPSG:3067), what Ryhti has
 * of it, the legal filings on it (muistutukset, statements, appeals: each with its filing date and
 * whether a step took it or it waits for a person, ADR 0052) and the version of the process model
 * it runs on.
 */
public record ZoningPlanView(
    long id,
    String businessKey,
    String name,
    PlanType type,
    String typeLabel,
    boolean significant,
    String areaDescription,
    String responsibleGroup,
    String recordNumber,
    ZoningStage stage,
    String stageLabel,
    String ryhtiCode,
    String outcome,
    String processInstanceId,
    String approvingBody,
    int displayRound,
    LocalDate displayEndsOn,
    LocalDate appealEndsOn,
    LocalDate noticeDate,
    Court court,
    LocalDate nextDeadline,
    int reminders,
    int lateSubmissions,
    long daysInStage,
    OffsetDateTime createdAt,
    List<StageEntry> stages,
    List<Backdating> backdated,
    List<fi.muutos.cases.Correction> corrections,
    List<Statement> statements,
    boolean initiatedInReview,
    JsonNode area,
    String decidedBy,
    String decisionSection,
    RyhtiStatus ryhti,
    List<Filing> filings,
    Integer modelVersion) {

  /** The legal date of the stage's latest entry, if the plan entered it and it has one. */
  public java.util.Optional<LocalDate> legalDate(ZoningStage stage) {
    return stages.stream()
        .filter(s -> s.stage() == stage)
        .reduce((a, b) -> b)
        .map(StageEntry::legalDate);
  }

  /**
   * A statement requested in a display round, or received from an authority nobody asked ({@code
   * requested} false, no period, so never late): its period's last day, when it is dated, and
   * whether after its period.
   */
  public record Statement(
      int round,
      String authority,
      LocalDate dueOn,
      LocalDate receivedOn,
      boolean late,
      boolean requested) {}

  /**
   * The last court decision on the plan: which court (HAO, KHO), what it means for the plan, when,
   * and after an HaO decision the last day of the further appeal to the KHO.
   */
  public record Court(
      String court, String outcome, LocalDate decidedOn, LocalDate furtherAppealEndsOn) {}

  /** A stage the plan entered, with its Ryhti code, its legal date where it has one, and when. */
  public record StageEntry(
      ZoningStage stage,
      String ryhtiCode,
      LocalDate legalDate,
      OffsetDateTime enteredAt,
      String activityId) {

    static StageEntry of(fi.muutos.cases.StageEntry<ZoningStage> entry) {
      return new StageEntry(
          entry.stage(),
          entry.stage().ryhtiCode(),
          entry.legalDate(),
          entry.enteredAt(),
          entry.activityId());
    }
  }
}
