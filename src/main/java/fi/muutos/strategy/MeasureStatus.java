package fi.muutos.strategy;

import java.util.EnumSet;
import java.util.Set;

/** The status of a measure, with the moves it allows. */
public enum MeasureStatus {
  NOT_STARTED("Ei aloitettu"),
  IN_PROGRESS("Käynnissä"),
  AT_RISK("Riski"),
  DELAYED("Viivästynyt"),
  DONE("Valmis"),
  CANCELLED("Peruttu");

  private final String label;

  MeasureStatus(String label) {
    this.label = label;
  }

  /** Finnish label for civil servants and residents. */
  public String label() {
    return label;
  }

  /**
   * Where a measure may go from here. Nothing leaves {@code CANCELLED}; {@code DONE} may only be
   * reopened (to {@code IN_PROGRESS}), by a person with a reason, or by a case that works on it
   * again ({@link Measure#followCase}).
   */
  Set<MeasureStatus> next() {
    return switch (this) {
      case NOT_STARTED -> EnumSet.of(IN_PROGRESS, AT_RISK, DELAYED, DONE, CANCELLED);
      case IN_PROGRESS -> EnumSet.of(AT_RISK, DELAYED, DONE, CANCELLED);
      case AT_RISK -> EnumSet.of(IN_PROGRESS, DELAYED, DONE, CANCELLED);
      case DELAYED -> EnumSet.of(IN_PROGRESS, AT_RISK, DONE, CANCELLED);
      case DONE -> EnumSet.of(IN_PROGRESS);
      case CANCELLED -> EnumSet.noneOf(MeasureStatus.class);
    };
  }
}
