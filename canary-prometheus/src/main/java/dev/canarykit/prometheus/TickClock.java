package dev.canarykit.prometheus;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that reads the instant it was last set to: the evaluation time of a backtest's current tick. */
final class TickClock extends Clock {
  private volatile Instant now = Instant.EPOCH;

  void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a tick clock has no other zone");
  }
}
