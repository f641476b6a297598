package fi.muutos.transfer;

import fi.muutos.cases.StageEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A transfer: its data, stage, and each branch after the decision (applies? done?). */
public record TransferView(
    long id,
    String businessKey,
    String serviceName,
    ServiceKind serviceKind,
    String recipient,
    boolean newCompany,
    boolean staffMoving,
    boolean inHouse,
    LocalDate transferDate,
    List<String> measures,
    TransferStage stage,
    String stageLabel,
    String outcome,
    String processInstanceId,
    LocalDate foundingSignedOn,
    LocalDate registrationDeadline,
    String businessId,
    LocalDate registeredOn,
    BigDecimal ownershipShare,
    List<Branch> branches,
    List<StageEntry<TransferStage>> stages,
    OffsetDateTime createdAt) {

  /** A step after the decision: whether the transfer's data makes it apply, and whether done. */
  public record Branch(String activityId, boolean applies, boolean done) {}
}
