package fi.muutos.transfer;

import fi.muutos.cases.Filing;
import fi.muutos.cases.StageEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A transfer: its data, arrangement, in-house assessment, decided dates, stage, and each branch
 * after the decision (applies? done?).
 */
public record TransferView(
    long id,
    String businessKey,
    String serviceName,
    ServiceKind serviceKind,
    String recipient,
    Arrangement arrangement,
    boolean newCompany,
    boolean staffMoving,
    InHouse inHouse,
    LocalDate transferDate,
    List<String> measures,
    TransferStage stage,
    String stageLabel,
    String outcome,
    String processInstanceId,
    LocalDate councilDecisionOn,
    LocalDate legalityCheckedOn,
    LocalDate appealEndsOn,
    TransferCourts.Court court,
    LocalDate foundingSignedOn,
    LocalDate registrationDeadline,
    LocalDate registrationFiledOn,
    String businessId,
    LocalDate registeredOn,
    List<Branch> branches,
    List<StageEntry<TransferStage>> stages,
    OffsetDateTime createdAt,
    List<Filing> filings,
    Integer modelVersion) {

  /** A step after the decision: whether the transfer's data makes it apply, and whether done. */
  public record Branch(String activityId, boolean applies, boolean done) {}

  /**
   * The in-house assessment (hankintalaki 15 §), once made (null before): the result, the city's
   * share, the share of the company's business done with its owners, its business with others in
   * euros (a three-year average, or a new company's forecast), private capital, and why.
   */
  public record InHouse(
      boolean inHouse,
      BigDecimal ownershipShare,
      BigDecimal businessWithOwners,
      BigDecimal outsideTurnover,
      boolean privateCapital,
      String reasons) {}
}
