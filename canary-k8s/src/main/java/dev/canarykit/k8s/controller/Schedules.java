package dev.canarykit.k8s.controller;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One schedule per canary feeding the {@link TickPool} in order of arrival. A canary has at most one tick queued or
 * running: a tick falling due while the previous one is pending is dropped, so no canary floods the queue and
 * every canary is served within one pass over the others (no starvation).
 *
 * <p><b>Due times.</b> Each tick has the instant it was due, and the tick is told how late it started. The first
 * tick is due at once (or after a given delay); later ticks are due every interval after the instant the first one
 * <em>started</em>, at a fixed rate. Anchoring on the start spreads a fleet scheduled at one instant (a take-over)
 * over the time its first ticks took, instead of making every canary due at the same instant forever after.
 */
final class Schedules {
  /** Runs one tick of a canary, told when it was due; returns nothing and never throws. */
  interface Tick {
    void run(String key, Duration interval, long dueNanos);
  }

  private final ScheduledExecutorService timer;
  private final TickPool pool;
  private final Tick tick;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  Schedules(ScheduledExecutorService timer, TickPool pool, Tick tick) {
    this.timer = timer;
    this.pool = pool;
    this.tick = tick;
  }

  /** Schedules {@code key} every {@code interval}, the first tick at once; a changed interval reschedules. */
  void schedule(String key, Duration interval) {
    schedule(key, interval, Duration.ZERO);
  }

  /**
   * Schedules {@code key} every {@code interval}, the first tick after {@code firstDelay}; an existing schedule
   * with the same interval is kept, one with another interval replaced.
   */
  synchronized void schedule(String key, Duration interval, Duration firstDelay) {
    Job job = jobs.get(key);
    if (job != null && job.interval.equals(interval)) {
      return;
    }
    cancel(key);
    Job fresh = new Job(key, interval);
    jobs.put(key, fresh);
    fresh.at(System.nanoTime() + firstDelay.toNanos(), true);
  }

  /** Stops the schedule of {@code key}; a tick already running finishes. */
  synchronized void cancel(String key) {
    Job job = jobs.remove(key);
    if (job != null) {
      job.cancel();
    }
  }

  /**
   * Runs one extra tick of {@code key} after {@code delay}, besides its schedule (skipped when a tick is already
   * queued or running then, or when {@code key} has no schedule).
   */
  void once(String key, Duration delay) {
    Job job = jobs.get(key);
    if (job != null) {
      job.at(System.nanoTime() + delay.toNanos(), false);
    }
  }

  /** Stops the schedule of every key that {@code which} accepts; ticks already running finish. */
  synchronized void cancelIf(java.util.function.Predicate<String> which) {
    jobs.values().removeIf(job -> {
      if (which.test(job.key)) {
        job.cancel();
        return true;
      }
      return false;
    });
  }

  /** Stops every schedule. */
  synchronized void cancelAll() {
    jobs.values().forEach(Job::cancel);
    jobs.clear();
  }

  /** The interval of {@code key}'s schedule, or {@code null}. */
  Duration interval(String key) {
    Job job = jobs.get(key);
    return job == null ? null : job.interval;
  }

  /** How many canaries have a schedule. */
  int size() {
    return jobs.size();
  }

  private final class Job {
    final String key;
    final Duration interval;
    final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean cancelled;
    private boolean anchored;
    private ScheduledFuture<?> next;

    Job(String key, Duration interval) {
      this.key = key;
      this.interval = interval;
    }

    /** Fires at {@code dueNanos}; a periodic firing also sets up the next one. */
    void at(long dueNanos, boolean periodic) {
      try {
        ScheduledFuture<?> f = timer.schedule(() -> fire(dueNanos, periodic),
            Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (periodic) {
          synchronized (this) {
            next = f;
          }
        }
      } catch (RejectedExecutionException e) {
        // the controller is stopping
      }
    }

    private void fire(long dueNanos, boolean periodic) {
      if (cancelled) {
        return;
      }
      boolean anchoredNow;
      synchronized (this) {
        anchoredNow = anchored;
      }
      if (periodic && anchoredNow) {
        at(dueNanos + interval.toNanos(), true);
      }
      submit(dueNanos, periodic && !anchoredNow);
    }

    private void submit(long dueNanos, boolean anchorOnStart) {
      if (!pending.compareAndSet(false, true)) {
        if (anchorOnStart) {
          anchor(System.nanoTime());
        }
        return;
      }
      try {
        pool.execute(() -> {
          try {
            if (anchorOnStart) {
              anchor(System.nanoTime());
            }
            if (!cancelled) {
              tick.run(key, interval, dueNanos);
            }
          } finally {
            pending.set(false);
          }
        });
      } catch (RejectedExecutionException e) {
        pending.set(false);
      }
    }

    /** The first tick started: later ticks are due every interval from now. */
    private void anchor(long startNanos) {
      synchronized (this) {
        anchored = true;
      }
      if (!cancelled) {
        at(startNanos + interval.toNanos(), true);
      }
    }

    void cancel() {
      cancelled = true;
      synchronized (this) {
        if (next != null) {
          next.cancel(false);
        }
      }
    }
  }
}
