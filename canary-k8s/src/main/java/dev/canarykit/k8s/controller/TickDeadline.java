package dev.canarykit.k8s.controller;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts the thread running a tick once the tick has run for its deadline, so that the blocking call it is in
 * (fabric8, {@code java.net.http}, the Prometheus and webhook clients all give up when interrupted) and every
 * later one end at once and the tick finishes. Closing it cancels the alarm and, if it went off, clears the
 * thread's interrupt, so the worker's next tick starts clean. The interrupt is sent and cleared under one lock:
 * it can never reach the worker after the tick ended.
 */
final class TickDeadline implements AutoCloseable {
  private final Thread worker = Thread.currentThread();
  private ScheduledFuture<?> alarm;
  private boolean running = true;
  private boolean fired;

  private TickDeadline() {}

  /** Arms a deadline for the calling thread's tick; without a timer (the controller is stopping) none is armed. */
  static TickDeadline start(ScheduledExecutorService timer, Duration deadline) {
    TickDeadline d = new TickDeadline();
    try {
      d.alarm = timer == null ? null : timer.schedule(d::fire, deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      d.alarm = null;
    }
    return d;
  }

  /** Whether the deadline passed while the tick ran. */
  synchronized boolean fired() {
    return fired;
  }

  @Override
  public void close() {
    if (alarm != null) {
      alarm.cancel(false);
    }
    boolean clear;
    synchronized (this) {
      running = false;
      clear = fired;
    }
    if (clear) {
      Thread.interrupted();
    }
  }

  private synchronized void fire() {
    if (running) {
      fired = true;
      worker.interrupt();
    }
  }
}
