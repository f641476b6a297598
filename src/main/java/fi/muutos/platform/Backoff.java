package fi.muutos.platform;

import java.time.Duration;

/**
 * The wait before the next try of something that failed (an event, a mail, a Ryhti message): the
 * first delay after the first try, doubling with each try, never longer than the maximum.
 */
public record Backoff(Duration firstDelay, Duration maxDelay) {

  /** The wait after try number {@code attempt} (1 for the first) failed. */
  public Duration after(int attempt) {
    Duration delay = firstDelay.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
