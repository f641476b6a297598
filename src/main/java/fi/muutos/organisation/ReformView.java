package fi.muutos.organisation;

import fi.muutos.cases.Filing;
import fi.muutos.cases.StageEntry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A reform: its stage, content, elected bodies, dates, appeals and any enforcement ban. */
public record ReformView(
    long id,
    String businessKey,
    String name,
    ReformStage stage,
    String stageLabel,
    String outcome,
    LocalDate proposedEffectiveDate,
    LocalDate effectiveDate,
    LocalDate interimTermEnds,
    int followUpMonths,
    String responsibleGroup,
    String processInstanceId,
    LocalDate councilDecisionOn,
    LocalDate legalityCheckedOn,
    LocalDate appealEndsOn,
    LocalDate inForceOn,
    EnforcementBan enforcementBan,
    List<AppealView> appeals,
    List<CommitteeView> committees,
    List<String> divisions,
    List<StageEntry<ReformStage>> stages,
    OffsetDateTime createdAt,
    List<Filing> filings,
    Integer modelVersion) {

  /**
   * A new body: whether it has been elected, its latest members and gender balance, and each
   * election (per term).
   */
  public record CommitteeView(
      String name,
      boolean elected,
      String members,
      Integer women,
      Integer men,
      List<ElectionView> elections) {}

  /** The council's election of a body for a term, and the body's delegation decision. */
  public record ElectionView(
      String committee,
      int term,
      LocalDate termStarts,
      LocalDate termEnds,
      LocalDate electedOn,
      String members,
      String deputies,
      int women,
      int men,
      int deputyWomen,
      int deputyMen,
      String chair,
      String viceChair,
      String balanceException,
      LocalDate constitutedOn,
      LocalDate delegationOn) {}

  /** An appeal against the council's decision and, once decided, the court's outcome. */
  /**
   * An appeal and the court's decision on it: which court decided ({@code decisionCourt}, HAO or
   * KHO) and, for an administrative court's decision, the last day to appeal it to the KHO.
   */
  public record AppealView(
      String court,
      LocalDate filedOn,
      String reference,
      LocalDate decidedOn,
      String outcome,
      String decisionCourt,
      LocalDate furtherAppealEndsOn) {}

  /** A court's ban on enforcing the decision; {@code liftedOn} once lifted. */
  public record EnforcementBan(LocalDate bannedOn, LocalDate liftedOn) {

    public boolean inEffect() {
      return bannedOn != null && liftedOn == null;
    }
  }
}
