package fi.muutos.organisation;

import fi.muutos.cases.StageEntry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A reform: its stage, content, elected committees and dates. */
public record ReformView(
    long id,
    String businessKey,
    String name,
    ReformStage stage,
    String stageLabel,
    String outcome,
    LocalDate effectiveDate,
    int followUpMonths,
    String responsibleGroup,
    String processInstanceId,
    LocalDate councilDecisionOn,
    LocalDate appealEndsOn,
    List<CommitteeView> committees,
    List<String> divisions,
    List<StageEntry<ReformStage>> stages,
    OffsetDateTime createdAt) {

  /** A new committee and, once elected, its members and gender balance. */
  public record CommitteeView(
      String name, boolean elected, String members, Integer women, Integer men) {}
}
