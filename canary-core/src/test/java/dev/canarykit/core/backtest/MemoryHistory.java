package dev.canarykit.core.backtest;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.backtest.History.Observation;
import dev.canarykit.core.internal.simulation.Traffic;
import dev.canarykit.core.internal.simulation.VersionProfile;
import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A history in memory: each version's behaviour, history's own canary share per tick, and fixed metric values,
 * with seeded Poisson-free counts (requests exactly rate x interval, failures and buckets drawn).
 */
final class MemoryHistory implements History {
  private final double requestsPerSecond;
  private final VersionProfile primary;
  private final VersionProfile canary;
  private final Function<Instant, Double> canaryShare;
  private final Map<String, Outcome.MetricResult> metrics = new LinkedHashMap<>();
  private final SplittableRandom rnd = new SplittableRandom(7);
  private Duration interval = Duration.ofMinutes(1);
  int observed;

  MemoryHistory(double requestsPerSecond, VersionProfile primary, VersionProfile canary,
      Function<Instant, Double> canaryShare) {
    this.requestsPerSecond = requestsPerSecond;
    this.primary = primary;
    this.canary = canary;
    this.canaryShare = canaryShare;
  }

  MemoryHistory metric(String name, double value) {
    metrics.put(name, new Outcome.MetricValue(value));
    return this;
  }

  @Override
  public void check(Canary c, ReleaseWindow window) {}

  @Override
  public Observation observe(Canary c, Instant at) {
    observed++;
    interval = c.spec().analysisOrEmpty().intervalOrDefault();
    long total = Math.round(requestsPerSecond * interval.toSeconds());
    long toCanary = Math.round(total * canaryShare.apply(at));
    IntervalCounts counts = new IntervalCounts(Traffic.served(rnd, total - toCanary, primary),
        Traffic.served(rnd, toCanary, canary));
    Map<String, Outcome.MetricResult> m = new LinkedHashMap<>();
    for (MetricSpec spec : c.spec().analysisOrEmpty().metrics()) {
      m.put(spec.name(), toCanary == 0 ? new Outcome.NoData("no values found")
          : metrics.getOrDefault(spec.name(), new Outcome.NoData("no values found")));
    }
    return new Observation(at, m, new Outcome.Counts(counts));
  }
}
