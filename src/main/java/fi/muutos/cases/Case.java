package fi.muutos.cases;

import java.time.OffsetDateTime;

/**
 * What every case has, whatever its process: the typed view a feature gets of its case's record.
 *
 * @param stageSince when the case entered its current stage
 * @param recordNumber the city's record number (diaarinumero) of the matter, when it has one
 */
public record Case<S extends Enum<S> & CaseStage>(
    String businessKey,
    String processKey,
    String name,
    String responsibleGroup,
    S stage,
    OffsetDateTime stageSince,
    String outcome,
    String processInstanceId,
    OffsetDateTime createdAt,
    String recordNumber) {

  /** The current stage's Finnish name. */
  public String stageLabel() {
    return stage.label();
  }
}
