package fi.muutos.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The application's clock in integration tests: real time plus an offset tests may advance. */
public final class MutableClock extends Clock {

  private final ZoneId zone;
  private final AtomicReference<Duration> offset;

  public MutableClock(ZoneId zone) {
    this(zone, new AtomicReference<>(Duration.ZERO));
  }

  private MutableClock(ZoneId zone, AtomicReference<Duration> offset) {
    this.zone = zone;
    this.offset = offset;
  }

  /** Moves time forward for everything that reads the application's clock. */
  public void advance(Duration duration) {
    offset.updateAndGet(current -> current.plus(duration));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(zone, offset);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }
}
