package fi.muutos.cases;

import java.util.Optional;

/**
 * A feature's rule for a filing that no step of its process took (the step had passed, or the case
 * ended): whether it counts is judged by its filing date against the legal period, not by when it
 * was processed (ADR 0052). E.g. zoning counts a muistutus filed during the display.
 */
public interface FilingJudge {

  /**
   * Applies the rule to the filing if it is one this judge knows (by its event type), in the
   * transaction that moves the filing outside its step; returns what was done, in Finnish, for the
   * case group's task, or empty for a filing of another kind.
   */
  Optional<String> judge(Filing filing);
}
