package dev.canarykit.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when told to. Copies made by {@link #withZone} share the time.
 */
public final class ManualClock extends Clock {
  /** Where {@link #ofDefaults()} starts: 2024-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A UTC clock at {@code start}. */
  public static ManualClock of(Instant start) {
    return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start == null")), ZoneOffset.UTC);
  }

  /** A UTC clock at {@link #DEFAULT_START}. */
  public static ManualClock ofDefaults() {
    return of(DEFAULT_START);
  }

  /**
   * Moves the clock forward.
   *
   * @param d how far; must not be negative
   * @return the new time
   */
  public Instant advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("d must not be negative, but was " + d);
    }
    return now.updateAndGet(t -> t.plus(d));
  }

  /** Sets the clock to {@code instant}, forwards or backwards. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant == null"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that shares this clock's time. */
  @Override
  public Clock withZone(ZoneId z) {
    return new ManualClock(now, Objects.requireNonNull(z, "zone == null"));
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + "," + zone + "]";
  }
}
