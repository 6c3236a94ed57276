package dev.canarykit.k8s.metrics;

import dev.canarykit.core.driver.CanaryListener;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.Phase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flagger's controller metrics (docs/flagger-compatibility.md §2), fed by the driver as a {@link CanaryListener}, so
 * that existing dashboards and alert rules keep working. With a Prometheus registry they are exposed as:
 *
 * <ul>
 *   <li>{@code flagger_info{version,mesh_provider}} 1;</li>
 *   <li>{@code flagger_canary_total{namespace}} canaries per namespace ({@link #setTotal}, from the controller);</li>
 *   <li>{@code flagger_canary_status{name,namespace}} 0 running, 1 done, 2 failed;</li>
 *   <li>{@code flagger_canary_weight{workload,namespace}} for {@code <target>-primary} and {@code <target>};</li>
 *   <li>{@code flagger_canary_metric_analysis{name,namespace,metric}} the last value of each metric (built-in
 *       request duration in seconds, as Flagger);</li>
 *   <li>{@code flagger_canary_duration_seconds{name,namespace}} histogram of analysis ticks, Prometheus' default
 *       buckets;</li>
 *   <li>{@code flagger_canary_successes_total} and {@code flagger_canary_failures_total}
 *       {@code {name,namespace,deployment_strategy,analysis_status}}.</li>
 * </ul>
 *
 * <p>As in Flagger, {@code name} is the target's name, not the Canary's. Micrometer is an optional dependency of
 * canary-k8s: add {@code micrometer-core} (and a registry) to use this class. See docs/decisions.md for where the
 * exposition differs from Flagger's.
 *
 * @since 0.1.0
 */
public final class FlaggerMetrics implements CanaryListener {
  static final String PREFIX = "flagger.";
  private static final Duration[] DEFAULT_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
      Duration.ofSeconds(10)};

  private final MeterRegistry registry;
  private final Map<Tags, AtomicLong> gauges = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();

  /**
   * Registers {@code flagger_info} on {@code registry}, which the caller owns.
   *
   * @param version the {@code version} label (canarykit's version)
   * @param meshProvider the {@code mesh_provider} label, e.g. {@code istio}
   */
  public FlaggerMetrics(MeterRegistry registry, String version, String meshProvider) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
    Gauge.builder(PREFIX + "info", () -> 1).description("Flagger version and mesh provider information")
        .tags("version", version, "mesh_provider", meshProvider).register(registry);
  }

  @Override
  public void canariesCounted(String namespace, long count) {
    setTotal(namespace, count);
  }

  /** Sets the number of canaries in {@code namespace} (the controller counts them, as Flagger's scheduler does). */
  public void setTotal(String namespace, long total) {
    totals.computeIfAbsent(namespace, ns -> {
      AtomicLong value = new AtomicLong();
      FunctionCounter.builder(PREFIX + "canary", value, AtomicLong::doubleValue)
          .description("Total number of canary object").tags("namespace", ns).register(registry);
      return value;
    }).set(total);
  }

  @Override
  public void tickCompleted(TickReport report, Duration elapsed) {
    CanaryStatus end = report.finalStatus();
    if (end == null) {
      return;
    }
    set("canary.status", "Last canary analysis result", Tags.of("name", target(report.canary()),
        "namespace", report.canary().namespace()), status(end.phase()));
    if (end.phase().isActive() || report.startStatus().phase().isActive()) {
      Timer.builder(PREFIX + "canary.duration").description("Seconds spent performing canary analysis.")
          .tags(Tags.of("name", target(report.canary()), "namespace", report.canary().namespace()))
          .serviceLevelObjectives(DEFAULT_BUCKETS).register(registry).record(elapsed);
    }
  }

  @Override
  public void phaseChanged(Canary canary, Phase from, Phase to) {
    if (to == Phase.SUCCEEDED || to == Phase.FAILED) {
      Counter.builder(PREFIX + "canary." + (to == Phase.SUCCEEDED ? "successes" : "failures"))
          .description("Total number of canary " + (to == Phase.SUCCEEDED ? "successes" : "failures"))
          .tags("name", target(canary), "namespace", canary.namespace(),
              "deployment_strategy", canary.spec().analysisOrEmpty().strategy().wireName(),
              "analysis_status", canary.spec().skipsAnalysis() ? "skipped" : "completed")
          .register(registry).increment();
    }
  }

  @Override
  public void weightsObserved(Canary canary, int primaryWeight, int canaryWeight) {
    String desc = "The virtual service destination weight current value";
    set("canary.weight", desc, Tags.of("workload", target(canary) + "-primary", "namespace", canary.namespace()),
        primaryWeight);
    set("canary.weight", desc, Tags.of("workload", target(canary), "namespace", canary.namespace()), canaryWeight);
  }

  @Override
  public void metricAnalysed(Canary canary, MetricSpec metric, double value) {
    boolean millis = metric.kind() == MetricSpec.Kind.BUILTIN && MetricSpec.REQUEST_DURATION.equals(metric.name());
    set("canary.metric.analysis", "Last canary analysis result per metric", Tags.of("name", target(canary),
        "namespace", canary.namespace(), "metric", metric.name()), millis ? value / 1000 : value);
  }

  private void set(String name, String description, Tags tags, double value) {
    gauges.computeIfAbsent(tags.and("__meter", name), k -> {
      AtomicLong bits = new AtomicLong();
      Gauge.builder(PREFIX + name, bits, b -> Double.longBitsToDouble(b.get())).description(description)
          .tags(tags).register(registry);
      return bits;
    }).set(Double.doubleToLongBits(value));
  }

  /** Flagger's status gauge: 0 while a run is under way, 2 when failed, 1 otherwise. */
  static int status(Phase phase) {
    return phase == Phase.FAILED ? 2 : phase.isActive() ? 0 : 1;
  }

  private static String target(Canary canary) {
    return canary.spec().targetRef().name();
  }
}
