package dev.canarykit.k8s.controller;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One fixed-rate schedule per canary (first tick at once) feeding a bounded worker pool through a FIFO queue. A
 * canary has at most one tick queued or running: a timer firing while its tick is still pending is dropped, so
 * no canary can flood the queue and every canary is served within one pass over the others (no starvation).
 */
final class Schedules {
  private final ScheduledExecutorService timer;
  private final ExecutorService workers;
  private final Consumer<String> tick;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  Schedules(ScheduledExecutorService timer, ExecutorService workers, Consumer<String> tick) {
    this.timer = timer;
    this.workers = workers;
    this.tick = tick;
  }

  /** Schedules {@code key} every {@code interval}, starting now; a changed interval reschedules. */
  synchronized void schedule(String key, Duration interval) {
    Job job = jobs.get(key);
    if (job != null && job.interval.equals(interval)) {
      return;
    }
    cancel(key);
    Job fresh = new Job(interval);
    fresh.future = timer.scheduleAtFixedRate(() -> submit(key, fresh), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    jobs.put(key, fresh);
  }

  /** Stops the schedule of {@code key}; a tick already running finishes. */
  synchronized void cancel(String key) {
    Job job = jobs.remove(key);
    if (job != null) {
      job.future.cancel(false);
    }
  }

  /**
   * Runs one extra tick of {@code key} after {@code delay}, besides its schedule (skipped when a tick is already
   * queued or running then, or when {@code key} has no schedule).
   */
  void once(String key, Duration delay) {
    Job job = jobs.get(key);
    if (job == null) {
      return;
    }
    try {
      timer.schedule(() -> submit(key, job), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the controller is stopping
    }
  }

  /** Stops every schedule. */
  synchronized void cancelAll() {
    jobs.keySet().forEach(k -> jobs.get(k).future.cancel(false));
    jobs.clear();
  }

  /** The interval of {@code key}'s schedule, or {@code null}. */
  Duration interval(String key) {
    Job job = jobs.get(key);
    return job == null ? null : job.interval;
  }

  private void submit(String key, Job job) {
    if (!job.pending.compareAndSet(false, true)) {
      return;
    }
    try {
      workers.execute(() -> {
        try {
          tick.accept(key);
        } finally {
          job.pending.set(false);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      job.pending.set(false);
    }
  }

  private static final class Job {
    final Duration interval;
    final AtomicBoolean pending = new AtomicBoolean();
    ScheduledFuture<?> future;

    Job(Duration interval) {
      this.interval = interval;
    }
  }
}
