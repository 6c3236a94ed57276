package dev.canarykit.k8s.controller;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs ticks that start later than a tenth of their interval. An overloaded controller makes many ticks late at
 * once, so at most one line per second is written; it counts the late ticks it did not log since the last line.
 */
final class LateTicks {
  private static final Logger LOG = LoggerFactory.getLogger(CanaryController.class);
  private static final long LOG_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

  private long lastLine = System.nanoTime() - LOG_EVERY_NANOS;
  private long unlogged;

  /** Whether {@code lateness} is late for {@code interval}: more than a tenth of it. */
  static boolean late(Duration lateness, Duration interval) {
    return lateness.multipliedBy(10).compareTo(interval) > 0;
  }

  /** Records a tick of {@code key} that started {@code lateness} after it was due. */
  void started(String key, Duration lateness, Duration interval) {
    if (!late(lateness, interval)) {
      return;
    }
    long others;
    synchronized (this) {
      long now = System.nanoTime();
      if (now - lastLine < LOG_EVERY_NANOS) {
        unlogged++;
        return;
      }
      lastLine = now;
      others = unlogged;
      unlogged = 0;
    }
    LOG.warn("tick of canary {} started {} ms late (interval {}){}", key, lateness.toMillis(), interval,
        others == 0 ? "" : "; " + others + " more late ticks since the last such line");
  }
}
