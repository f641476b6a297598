package fi.muutos.strategy;

import java.util.List;

/**
 * The strategy at a glance, for management's Cockpit: its roll-up (measures per status, mean
 * progress, overall status) and each goal's, with the goals at risk (a measure at risk or delayed)
 * and their measures at risk. Small, whatever the number of measures.
 */
public record StrategySummary(
    String name, String municipality, RollUp rollUp, List<Goal> goals, int goalsAtRisk) {

  /** A goal's roll-up; {@code atRisk} when one of its measures is at risk or delayed. */
  public record Goal(
      String code, String name, RollUp rollUp, boolean atRisk, List<String> measuresAtRisk) {}
}
