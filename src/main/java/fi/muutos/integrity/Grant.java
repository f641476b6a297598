package fi.muutos.integrity;

import static fi.muutos.integrity.CallerKind.CIVIL_SERVANT;
import static fi.muutos.integrity.CallerKind.INTEGRATION;
import static fi.muutos.integrity.CallerKind.MANAGEMENT;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an engine operation is granted as, to whom, and on what condition ({@link EngineOperations}
 * holds one per operation). Administrators may do every operation; the conditions are checked by
 * {@link ProcedureGuard} before the engine's own command runs, and then the engine's own
 * authorizations apply as well. An operation with no grant is refused.
 */
enum Grant {
  READ(
      "reads; what each caller sees is filtered by the engine's authorizations",
      CIVIL_SERVANT,
      MANAGEMENT,
      INTEGRATION),
  SESSION(
      "who calls: set and cleared by the REST filter and the webapps for each request (no REST"
          + " path sets another caller); the password policy",
      CIVIL_SERVANT,
      MANAGEMENT,
      INTEGRATION),
  DIAGNOSTICS(
      "the engine's note of which webapps are in use (its diagnostics); no effect on a case",
      CIVIL_SERVANT,
      MANAGEMENT,
      INTEGRATION),
  OWN_PROFILE(
      "one's own account only (name, e-mail, password, settings; checking a password); never an"
          + " integration account's",
      CIVIL_SERVANT,
      MANAGEMENT),
  START(
      "a process the caller's group starts (muutos.identity.starts, the same right as the /api"
          + " start), at its start event, with only its start form's fields, each of the field's"
          + " type; no start instructions, no skipped listeners or mappings",
      CIVIL_SERVANT,
      MANAGEMENT),
  COMPLETE(
      "an open task the caller works on now (a current member of one of its candidate groups, or"
          + " the assignee the process chose when it has none), with only its form's fields, each"
          + " of the field's type",
      CIVIL_SERVANT,
      MANAGEMENT),
  CLAIM(
      "for oneself, on a task one works on; or, by the lead of one of the task's candidate groups,"
          + " for a member of that group who is not an integration account",
      CIVIL_SERVANT,
      MANAGEMENT),
  COMMENT(
      "on an open task the caller works on (never a finished one, never a process instance)",
      CIVIL_SERVANT,
      MANAGEMENT),
  OWN_COMMENT(
      "one's own comment, on an open task one works on; never another person's",
      CIVIL_SERVANT,
      MANAGEMENT),
  ATTACH(
      "on an open task the caller works on (never a finished one, never a process instance)",
      CIVIL_SERVANT,
      MANAGEMENT),
  OWN_ATTACHMENT(
      "one's own attachment, on an open task one works on; never another person's, never on a"
          + " finished task",
      CIVIL_SERVANT,
      MANAGEMENT),
  ADMIN("administrators only (repairs; each leaves a row in the operation log)");

  private final String condition;
  private final Set<CallerKind> kinds;

  Grant(String condition, CallerKind... kinds) {
    this.condition = condition;
    this.kinds = kinds.length == 0 ? EnumSet.noneOf(CallerKind.class) : EnumSet.of(kinds[0], kinds);
  }

  /** The condition, as the table in docs/security.md says it. */
  String condition() {
    return condition;
  }

  /** Whether a caller of these kinds is granted the operation (its condition still applies). */
  boolean grants(Set<CallerKind> callerKinds) {
    return callerKinds.contains(CallerKind.ADMINISTRATOR)
        || callerKinds.stream().anyMatch(kinds::contains);
  }

  boolean grantsTo(CallerKind kind) {
    return kind == CallerKind.ADMINISTRATOR || kinds.contains(kind);
  }
}
