package fi.muutos.integrity;

/**
 * The kinds of caller the table of engine operations ({@link EngineOperations}) grants to. What
 * makes a caller each kind is configuration ({@code muutos.identity.groups}); a caller may be more
 * than one (a head of administration is a civil servant and management).
 */
enum CallerKind {
  /** A member of a group that takes part in processes (planner, registry, HR, finance, ...). */
  CIVIL_SERVANT("virkahenkilö"),
  /** A member of an observer group (the management group): reads every process. */
  MANAGEMENT("johto"),
  /** A partner system's technical account (a group of type {@code SYSTEM}): never a task. */
  INTEGRATION("integraatio"),
  /** Camunda's administrators: every operation, with a row in the operation log. */
  ADMINISTRATOR("pääkäyttäjä");

  private final String finnish;

  CallerKind(String finnish) {
    this.finnish = finnish;
  }

  String finnish() {
    return finnish;
  }
}
