package fi.muutos.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A legal filing on a case (ADR 0052): a muistutus, a statement, an appeal, a rectification
 * request, a registration or a decision, as the inbox accepted it. {@code status}: RECEIVED (waits
 * for its step), TAKEN (its step took it), OUTSIDE_STEP (no step took it: a task of the case's
 * group decides), HANDLED; {@code statusLabel} says it in Finnish. {@code judgement} is what Muutos
 * did with one no step took (e.g. counted a muistutus filed during the display).
 */
public record Filing(
    long id,
    String eventId,
    String businessKey,
    String eventType,
    String label,
    LocalDate filedOn,
    String reference,
    String source,
    String sender,
    OffsetDateTime receivedAt,
    String status,
    String statusLabel,
    String processInstanceId,
    String judgement,
    String handledBy,
    OffsetDateTime handledAt,
    String handlingNote) {

  /** The statuses, with their Finnish labels. */
  public enum Status {
    RECEIVED("Vastaanotettu, odottaa vaihettaan"),
    TAKEN("Käsitelty menettelyn vaiheessa"),
    OUTSIDE_STEP("Saapui vaiheen ulkopuolella: tehtävä ryhmälle"),
    HANDLED("Käsitelty tehtävänä");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What the inbox knows of a filing when it accepts it. */
  public record Received(
      String eventId,
      String businessKey,
      String eventType,
      String label,
      LocalDate filedOn,
      String reference,
      String source,
      String sender,
      OffsetDateTime receivedAt) {}
}
