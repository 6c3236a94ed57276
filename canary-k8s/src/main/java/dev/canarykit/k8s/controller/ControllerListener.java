package dev.canarykit.k8s.controller;

import java.time.Duration;

/**
 * Observes how the {@link CanaryController} schedules its ticks, for metrics and tests; {@code ControllerMetrics}
 * (in {@code dev.canarykit.k8s.metrics}) records it with Micrometer. Every method has an empty default. Called on
 * the controller's threads: keep it quick; an exception is counted ({@link CanaryController#failures()}), logged
 * and otherwise ignored.
 *
 * <pre>{@code
 * ControllerConfig.builder()...controllerListener(new ControllerMetrics(meterRegistry)).build();
 * }</pre>
 */
public interface ControllerListener {
  /** Observes nothing. */
  ControllerListener NOOP = new ControllerListener() {};

  /**
   * A tick of {@code namespace/name} starts, {@code lateness} after it was due (zero or more). A tick is due at its
   * place in the canary's schedule (every interval), or when an extra tick was asked for (after a paced tick, a
   * finalizer pass); the first tick of a canary is due when its schedule begins.
   *
   * @param interval the interval the canary is scheduled at
   */
  default void tickStarted(String namespace, String name, Duration lateness, Duration interval) {}

  /**
   * With a limit on concurrent analyses: {@code namespace/name} has a new revision but every slot is taken; it
   * waits at {@code position} in the queue (1 is next). Called on each of its ticks while it waits.
   */
  default void analysisQueued(String namespace, String name, int position) {}

  /**
   * With a limit on concurrent analyses: {@code namespace/name} got a slot, in order of arrival, and starts its
   * analysis now or, when it got the slot while waiting, at its next tick.
   */
  default void analysisAdmitted(String namespace, String name) {}

  /**
   * This controller took over the Canaries of its scope (a start, or a new leadership term): {@code canaries}
   * scheduled in {@code took}, before their first ticks ran.
   */
  default void tookOver(int canaries, Duration took) {}
}
