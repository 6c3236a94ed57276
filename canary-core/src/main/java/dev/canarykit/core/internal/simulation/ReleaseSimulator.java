package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.internal.GoDuration;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.simulation.RunResult.End;
import dev.canarykit.core.simulation.RunResult;
import dev.canarykit.core.testing.InMemoryStatusStore;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.ScriptedMetricSource;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Runs one release of a scenario through the real {@code CanaryAnalysis} and {@code CanaryDriver} on the in-memory
 * ports and a virtual clock. Traffic is generated in slices of at most 10 s by a {@link SimulatedRouter} that
 * follows the live routes and the Canary's strategy; the built-in metrics answer what Flagger's queries would report
 * over their windows (every source, the load test included, as Flagger's queries count it), and the judge gets the
 * per-source counts of exactly one analysis interval, which it selects as in production. Metrics the simulator
 * cannot model (templates, in-line queries) pass. The same seed gives the same result.
 *
 * <p>A run starts at "New revision detected" and ends when the promotion completes (Succeeded), at rollback
 * (Failed), or undecided at the horizon.
 */
final class ReleaseSimulator {
  /** How long a run may take. */
  public static final Duration HORIZON = Duration.ofMinutes(60);

  private final Canary canary;
  private final Scenario scenario;
  private final SplittableRandom rnd;
  private final ManualClock clock = ManualClock.ofDefaults();
  private final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
  private final InMemoryTrafficRouter router = new InMemoryTrafficRouter();
  private final ScriptedMetricSource metrics = new ScriptedMetricSource();
  private final TrafficWindow window = new TrafficWindow();
  private final SimulatedRouter mesh;
  private final CanaryDriver driver;
  private double canaryRequests;
  private boolean analysing;

  private ReleaseSimulator(Canary canary, Scenario scenario, long seed) {
    this.canary = canary;
    this.scenario = scenario;
    this.rnd = new SplittableRandom(seed);
    this.mesh = new SimulatedRouter(canary, scenario, rnd);
    this.driver = CanaryDriver.builder().workloads(workloads).router(router).metrics(metrics)
        .webhooks(new InMemoryWebhookClient()).statuses(new InMemoryStatusStore()).events(EventSink.NOOP)
        .clock(clock).seed(seed).build();
    scriptMetrics();
  }

  /** Simulates one release of {@code scenario} for {@code canary} (with or without its judge). */
  public static RunResult run(Canary canary, Scenario scenario, long seed) {
    return new ReleaseSimulator(canary, scenario, seed).run();
  }

  private RunResult run() {
    driver.tick(canary);
    workloads.setTargetRevision("new");
    Instant start = clock.instant();
    Phase phase = tick();
    Duration interval = canary.spec().analysisOrEmpty().intervalOrDefault();
    while (elapsed(start).compareTo(HORIZON) < 0) {
      serve(interval, start);
      phase = tick();
      if (phase == Phase.SUCCEEDED || phase == Phase.FAILED) {
        return decided(phase == Phase.SUCCEEDED ? End.PROMOTED : End.ROLLED_BACK, start);
      }
    }
    return new RunResult(End.UNDECIDED, Double.NaN, canaryRequests);
  }

  /** One tick; afterwards the load test runs while the analysis does (a run past its first analysis tick). */
  private Phase tick() {
    CanaryStatus s = driver.tick(canary).finalStatus();
    analysing = s.phase() == Phase.PROGRESSING && (s.canaryWeight() > 0 || s.iterations() > 0);
    return s.phase();
  }

  private RunResult decided(End end, Instant start) {
    double minutes = elapsed(start).toMillis() / 60_000.0;
    if (end == End.PROMOTED) {
      canaryRequests += scenario.requestsPerSecond() * HORIZON.minus(elapsed(start)).toMillis() / 1000.0;
    }
    return new RunResult(end, minutes, canaryRequests);
  }

  private Duration elapsed(Instant start) {
    return Duration.between(start, clock.instant());
  }

  /** One analysis interval of traffic, in slices, with the routes the router holds. */
  private void serve(Duration interval, Instant start) {
    double seconds = interval.toMillis() / 1000.0;
    int n = (int) Math.ceil(seconds / TrafficWindow.MAX_SLICE_SECONDS);
    double slice = seconds / n;
    for (int i = 0; i < n; i++) {
      boolean promoted = workloads.promotions() > 0;
      double t = elapsed(start).toMillis() / 1000.0;
      SimulatedRouter.Slice served = mesh.serve(t, slice, router.routes().orElse(null), promoted, analysing);
      window.add(slice, served.counts());
      canaryRequests += served.userRequestsOnCanary() + (promoted ? served.counts().primary().requests() : 0);
      clock.advance(Duration.ofMillis(Math.round(slice * 1000)));
    }
  }

  private void scriptMetrics() {
    double intervalSeconds = canary.spec().analysisOrEmpty().intervalOrDefault().toMillis() / 1000.0;
    metrics.answer(MetricSpec.REQUEST_SUCCESS_RATE, m -> FlaggerMetrics.successRate(canaryOver(m)));
    metrics.answer(MetricSpec.REQUEST_DURATION, m -> FlaggerMetrics.p99(canaryOver(m)));
    for (MetricSpec m : canary.spec().analysisOrEmpty().metrics()) {
      if (m.kind() != MetricSpec.Kind.BUILTIN) {
        metrics.fix(m.name(), passing(m));
      }
    }
    metrics.countsAnswer(w -> new Outcome.Counts(window.last(intervalSeconds)));
  }

  private dev.canarykit.core.judge.VersionCounts canaryOver(MetricSpec m) {
    Duration d = GoDuration.parse(m.intervalOrDefault()).orElse(Duration.ofMinutes(1));
    return window.last(d.toMillis() / 1000.0).canary();
  }

  /** A value inside the metric's pass range (inclusive bounds pass). */
  private static double passing(MetricSpec m) {
    if (m.thresholdRange() != null) {
      return m.thresholdRange().min() != null ? m.thresholdRange().min()
          : m.thresholdRange().max() != null ? m.thresholdRange().max() : 0;
    }
    return m.threshold() != null ? m.threshold() : 0;
  }
}
