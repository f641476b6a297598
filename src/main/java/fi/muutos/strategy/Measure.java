package fi.muutos.strategy;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.util.Optional;

/**
 * A measure's current state and the rules for changing it. Immutable: {@link #apply} returns the
 * next state, or empty when the change would change nothing (so a repeated change is no change).
 */
record Measure(
    long id, String code, String ownerGroup, MeasureStatus status, int progress, String note) {

  Optional<Measure> apply(StatusChange change, ChangeSource source) {
    if (change.status() == null) {
      throw new DomainException(
          Kind.INVALID, "invalid-request", "Tila puuttuu (status; a status is required).");
    }
    Integer requested = change.progress();
    if (requested != null && (requested < 0 || requested > 100)) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-progress",
          "Progress of measure " + code + " must be between 0 and 100, not " + requested + ".");
    }
    int nextProgress =
        change.status() == MeasureStatus.DONE ? 100 : requested != null ? requested : progress;
    String nextNote = change.note() != null && !change.note().isBlank() ? change.note() : note;
    if (change.status() == status) {
      if (nextProgress == progress && java.util.Objects.equals(nextNote, note)) {
        return Optional.empty();
      }
      if (status == MeasureStatus.CANCELLED) {
        throw illegal(change.status(), "a cancelled measure does not change any more");
      }
      return Optional.of(new Measure(id, code, ownerGroup, status, nextProgress, nextNote));
    }
    if (!status.next().contains(change.status())) {
      throw illegal(
          change.status(),
          status == MeasureStatus.CANCELLED
              ? "a cancelled measure does not change any more"
              : "allowed from " + status + ": " + status.next());
    }
    if (status == MeasureStatus.DONE) {
      if (!(source instanceof ChangeSource.Person)) {
        throw illegal(change.status(), "only a person may reopen a finished measure");
      }
      if (change.note() == null || change.note().isBlank()) {
        throw new DomainException(
            Kind.INVALID,
            "reason-required",
            "Reopening the finished measure " + code + " needs a reason in the note.");
      }
    }
    return Optional.of(new Measure(id, code, ownerGroup, change.status(), nextProgress, nextNote));
  }

  /**
   * A case's step moves the measure ({@code #{updateMeasureStatus}}): the case's work is the
   * measure's state, so the step never fails on the measure's state (ADR 0052). A cancelled measure
   * stays cancelled (its owner's decision; empty); a finished one that the case works on again is
   * reopened, its note naming the case, unless the step only notes ({@code reopen} false: it keeps
   * its status and takes the note); any other move follows the rules of {@link #apply}.
   */
  Optional<Measure> followCase(StatusChange change, ChangeSource.Process source, boolean reopen) {
    if (status == MeasureStatus.CANCELLED) {
      return Optional.empty();
    }
    if (status == MeasureStatus.DONE && !reopen) {
      return apply(new StatusChange(status, null, change.note()), source);
    }
    if (status == MeasureStatus.DONE
        && change.status() != MeasureStatus.DONE
        && change.status() != null) {
      int nextProgress = change.progress() != null ? change.progress() : progress;
      String reason =
          change.note() == null || change.note().isBlank()
              ? "Avattu uudelleen: asia " + source.businessKey() + " jatkaa työtä."
              : "Avattu uudelleen (asia " + source.businessKey() + "): " + change.note();
      return Optional.of(new Measure(id, code, ownerGroup, change.status(), nextProgress, reason));
    }
    return apply(change, source);
  }

  private DomainException illegal(MeasureStatus target, String why) {
    return new DomainException(
        Kind.CONFLICT,
        "illegal-transition",
        "Measure " + code + " cannot move from " + status + " to " + target + ": " + why + ".");
  }
}
