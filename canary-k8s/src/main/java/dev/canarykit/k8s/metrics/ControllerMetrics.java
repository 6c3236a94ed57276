package dev.canarykit.k8s.metrics;

import dev.canarykit.k8s.controller.ControllerListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * canarykit's own controller metrics, fed by the {@code CanaryController} as its {@link ControllerListener}. With a
 * Prometheus registry:
 *
 * <ul>
 *   <li>{@code canarykit_tick_lateness_seconds} (histogram, with {@code _count}, {@code _sum}, {@code _bucket} and a
 *       {@code _max} gauge): how late each tick started after it was due. A healthy controller keeps it within a
 *       small fraction of the analysis interval; a growing tail means the workers cannot keep up.</li>
 * </ul>
 *
 * <pre>{@code
 * ControllerConfig.builder()...controllerListener(new ControllerMetrics(meterRegistry)).build();
 * }</pre>
 *
 * <p>Micrometer is an optional dependency of canary-k8s: add {@code micrometer-core} to use this class.
 */
public final class ControllerMetrics implements ControllerListener {
  private final Timer lateness;

  /** Registers the metrics on {@code registry}, which the caller owns. */
  public ControllerMetrics(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry == null");
    this.lateness = Timer.builder("canarykit.tick.lateness")
        .description("How late each canary tick started after it was due")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
  }

  @Override
  public void tickStarted(String namespace, String name, Duration lateness, Duration interval) {
    this.lateness.record(lateness.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The lateness timer (for tests and for users who read it in-process). */
  public Timer lateness() {
    return lateness;
  }
}
