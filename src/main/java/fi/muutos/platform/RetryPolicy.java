package fi.muutos.platform;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * When a queue's work is tried again after a try that did not finish it, and when it is given up
 * (ADR 0055): after the back-off, and never after the work's horizon (an event no process waited
 * for, a week) nor after the most tries (a mail, eight); where neither is set, never (a Ryhti
 * message waits for its register, whose retries stop at the back-off's longest delay).
 *
 * @param maxAttempts the most tries, 0 for no limit
 */
public record RetryPolicy(Backoff backoff, int maxAttempts) {

  /** Tried again until done. */
  public static RetryPolicy untilDone(Backoff backoff) {
    return new RetryPolicy(backoff, 0);
  }

  /** Given up after {@code maxAttempts} tries. */
  public static RetryPolicy atMost(Backoff backoff, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one try, not " + maxAttempts);
    }
    return new RetryPolicy(backoff, maxAttempts);
  }

  /**
   * The next try after {@code attempts} tries (this one counted), at the latest at the horizon
   * ({@code null}: none); empty when the work is given up: the tries are used up, or the horizon
   * has come.
   */
  public Optional<OffsetDateTime> next(int attempts, OffsetDateTime now, OffsetDateTime horizon) {
    if (maxAttempts > 0 && attempts >= maxAttempts) {
      return Optional.empty();
    }
    if (horizon != null && !now.isBefore(horizon)) {
      return Optional.empty();
    }
    OffsetDateTime next = now.plus(backoff.after(attempts));
    return Optional.of(horizon != null && next.isAfter(horizon) ? horizon : next);
  }
}
