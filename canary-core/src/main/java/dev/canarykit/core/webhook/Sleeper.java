package dev.canarykit.core.webhook;

import java.time.Duration;

/** Waits between retries; replaceable so tests record the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper THREAD = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
