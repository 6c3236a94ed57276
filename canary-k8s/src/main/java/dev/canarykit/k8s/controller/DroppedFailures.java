package dev.canarykit.k8s.controller;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exceptions the controller catches so that it can go on (a tick, a finalizer pass, an {@code onTick} handler or a
 * {@link ControllerListener} that threw): each is counted ({@link CanaryController#failures()}) and logged once, at
 * WARN with its stack trace.
 */
final class DroppedFailures {
  private static final Logger LOG = LoggerFactory.getLogger(CanaryController.class);

  private final AtomicLong count = new AtomicLong();

  /** Counts and logs {@code e}, thrown by {@code what} (e.g. "tick of canary ns/name"). */
  void record(String what, RuntimeException e) {
    count.incrementAndGet();
    LOG.warn("{} failed; the controller goes on", what, e);
  }

  long count() {
    return count.get();
  }
}
