package dev.canarykit.k8s.controller;

import dev.canarykit.core.driver.PortCalls;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The controller's own scheduling, without Kubernetes, for the scale harness's in-memory mode: the same
 * {@link Schedules} over the same {@link TickPool}, with the controller's worker and port-call thread counts. It sits
 * in the controller's package because both are package-private there; it is part of the {@code examples} artifact
 * only, not of canarykit's API.
 */
public final class ScaleScheduling implements AutoCloseable {
  /** One tick of a canary, told how late it started; never throws. */
  public interface Tick {
    /** Runs the tick of {@code key}, which started {@code lateness} after it was due. */
    void run(String key, Duration lateness, Duration interval);
  }

  private final ScheduledExecutorService timer;
  private final TickPool pool;
  private final Schedules schedules;

  /** Scheduling with the worker and port-call thread counts of {@code config}. */
  public ScaleScheduling(ControllerConfig config, Tick tick) {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "canarykit-timer");
      t.setDaemon(true);
      return t;
    });
    pool = new TickPool(config.workers(), config.portCallThreads());
    schedules = new Schedules(timer, pool, (key, interval, dueNanos) -> {
      long late = Math.max(0, System.nanoTime() - dueNanos);
      tick.run(key, Duration.ofNanos(late), interval);
    });
  }

  /** The port calls the driver must go through, so that a slow one gives its worker up as in the controller. */
  public PortCalls portCalls() {
    return pool.portCalls();
  }

  /** Ticks {@code key} every {@code interval}, the first tick at once. */
  public void schedule(String key, Duration interval) {
    schedules.schedule(key, interval);
  }

  /** One extra tick of {@code key} after {@code delay} (a paced tick's next step). */
  public void once(String key, Duration delay) {
    schedules.once(key, delay);
  }

  @Override
  public void close() {
    schedules.cancelAll();
    timer.shutdownNow();
    pool.shutdownNow();
  }
}
