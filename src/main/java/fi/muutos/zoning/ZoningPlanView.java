package fi.muutos.zoning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A plan as management and integrations see it: where it is (stage and Ryhti code), for how long,
 * its next legal deadline, and every stage it has passed.
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
    ZoningStage stage,
    String stageLabel,
    String ryhtiCode,
    String outcome,
    String processInstanceId,
    String approvingBody,
    int displayRound,
    LocalDate displayEndsOn,
    LocalDate appealEndsOn,
    LocalDate nextDeadline,
    int reminders,
    int lateSubmissions,
    long daysInStage,
    OffsetDateTime createdAt,
    List<StageEntry> stages) {

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
