package fi.muutos.migration;

import java.util.Map;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;

/**
 * What a release changed in a process's model beyond what stays the same: a feature that renames,
 * splits or removes a waiting state, or needs a new variable on running cases, declares it here (a
 * Spring bean), and the migration adds it to the plan built from the equal activities. A release
 * that only adds steps or changes what a step does needs none.
 */
public interface ModelChange {

  /** The process (definition key) whose model changed. */
  String processKey();

  /**
   * Extra instructions for a waiting state whose id changed ({@code mapActivities(old, new)}), on
   * top of {@code mapEqualActivities().updateEventTriggers()}.
   */
  default void instructions(MigrationPlanBuilder plan) {}

  /**
   * Waiting states the new model no longer has: a case waiting in one (the key, an activity id of
   * the older model) is first moved on its own model to the activity (the value) where the new
   * model would have it wait, then migrated; both in one transaction.
   */
  default Map<String, String> moves() {
    return Map.of();
  }

  /** Variables the new model needs that cases started on the previous one lack. */
  default Map<String, Object> variables() {
    return Map.of();
  }
}
