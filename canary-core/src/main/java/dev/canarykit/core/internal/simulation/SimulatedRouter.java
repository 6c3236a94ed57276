package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.judge.Source;
import dev.canarykit.core.judge.SourceCounts;
import dev.canarykit.core.judge.VersionCounts;
import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.AnalysisSpec.Strategy;
import dev.canarykit.core.model.Canary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mesh of a simulated release: sends each slice of user traffic where the live routes and the Canary's
 * strategy send it, adds the load test, and counts what each version served per source, as Istio's destination
 * telemetry would.
 * <ul>
 *   <li>Canary weights: each user request reaches the canary with the weight's probability. With session affinity a
 *       user who reached the canary stays on it; users send one request a minute on average, so the share of stuck
 *       users grows by 1 − e^(−weight·dt/60) of the others per slice.</li>
 *   <li>A/B testing ({@code analysis.match}): the matched segment is {@value #SEGMENT} of users; while the match
 *       route points at the canary (canary weight 100) all of it goes there, everyone else to the primary. When the
 *       segment is on the primary it gets {@code segmentOnPrimary}.</li>
 *   <li>Blue/Green ({@code iterations} without weights): no user reaches the canary before its final step (canary
 *       weight 100); with mirroring the canary serves a copy of every primary request (or {@code mirrorWeight}%),
 *       whose answers are discarded.</li>
 *   <li>The load test reaches the canary directly, from source {@value Scenario#LOAD_TESTER}, while the analysis
 *       runs.</li>
 * </ul>
 * After promotion the primary runs the canary's version. The canary is cold from its first request on (pods warm
 * up on traffic, not on the clock): its latency is multiplied by {@link Scenario.Warmup#factorAt}.
 */
final class SimulatedRouter {
  /** The share of users the A/B match selects. */
  static final double SEGMENT = 0.1;
  static final Source USERS = new Source("istio-system", "istio-ingressgateway");

  private final Scenario scenario;
  private final SplittableRandom rnd;
  private final Strategy strategy;
  private final boolean sessionAffinity;
  private final double mirrorShare;
  private final Source loadTester;
  private double stuck;
  private double canaryStart = Double.NaN;

  SimulatedRouter(Canary canary, Scenario scenario, SplittableRandom rnd) {
    AnalysisSpec a = canary.spec().analysisOrEmpty();
    this.scenario = scenario;
    this.rnd = rnd;
    this.strategy = a.strategy();
    this.sessionAffinity = a.sessionAffinity() != null;
    this.mirrorShare = a.mirrorWeightOrZero() > 0 ? a.mirrorWeightOrZero() / 100.0 : 1;
    this.loadTester = new Source(canary.namespace(), Scenario.LOAD_TESTER);
  }

  /**
   * One slice of traffic.
   *
   * @param t seconds since the run started (the slice starts here)
   * @param dt the slice's length in seconds
   * @param routes the live routes
   * @param promoted whether the primary runs the canary's version
   * @param analysing whether the analysis runs (the load test is on)
   */
  Slice serve(double t, double dt, Outcome.Routes routes, boolean promoted, boolean analysing) {
    double rate = scenario.requestsPerSecond()
        * (scenario.trafficPattern() == null ? 1 : scenario.trafficPattern().factorAt(t + dt / 2));
    long users = Sampling.poisson(rnd, Math.max(0, rate) * dt);
    VersionProfile primary = promoted ? scenario.canary() : scenario.primary();
    VersionProfile segmentOnPrimary = promoted ? scenario.canary()
        : scenario.segmentOnPrimary() != null ? scenario.segmentOnPrimary() : scenario.primary();
    int weight = routes == null ? 0 : routes.canaryWeight();
    boolean mirrored = routes != null && routes.mirrored();
    long toCanary;
    long segmentOnPrimaryRequests = 0;
    long mirroredCopies = 0;
    if (strategy == Strategy.AB_TESTING && weight < 100) {
      toCanary = 0;
      segmentOnPrimaryRequests = Sampling.binomial(rnd, users, SEGMENT);
    } else if (strategy == Strategy.AB_TESTING) {
      toCanary = Sampling.binomial(rnd, users, SEGMENT);
    } else {
      toCanary = Sampling.binomial(rnd, users, canaryShare(weight / 100.0, dt));
    }
    long onPrimary = users - toCanary - segmentOnPrimaryRequests;
    if (mirrored) {
      mirroredCopies = Sampling.binomial(rnd, onPrimary + segmentOnPrimaryRequests, mirrorShare);
    }
    long loadTest = analysing && scenario.loadTest() != null
        ? Sampling.poisson(rnd, scenario.loadTest().requestsPerSecond() * dt) : 0;
    double factor = warmupFactor(t, dt, toCanary + mirroredCopies + loadTest);
    double m = scenario.failureClusterMean();
    VersionCounts primaryCounts = Traffic.served(rnd, onPrimary, primary, m)
        .plus(Traffic.served(rnd, segmentOnPrimaryRequests, segmentOnPrimary, m));
    VersionCounts canaryCounts = Traffic.served(rnd, toCanary + mirroredCopies, scenario.canary().slowerBy(factor), m);
    List<SourceCounts> sources = new ArrayList<>();
    sources.add(new SourceCounts(USERS, primaryCounts, canaryCounts));
    if (loadTest > 0) {
      VersionCounts synthetic = Traffic.served(rnd, loadTest, scenario.loadTest().profile().slowerBy(factor), m);
      sources.add(new SourceCounts(loadTester, VersionCounts.NONE, synthetic));
    }
    return new Slice(new IntervalCounts(sources), toCanary);
  }

  /** The share of user requests the canary gets at {@code weight}; with session affinity, stuck users first. */
  private double canaryShare(double weight, double dt) {
    if (!sessionAffinity) {
      return weight;
    }
    double share = stuck + (1 - stuck) * weight;
    stuck += (1 - stuck) * -Math.expm1(-weight * dt / 60);
    return share;
  }

  private double warmupFactor(double t, double dt, long canaryRequests) {
    if (scenario.warmup() == null) {
      return 1;
    }
    if (Double.isNaN(canaryStart) && canaryRequests > 0) {
      canaryStart = t;
    }
    return Double.isNaN(canaryStart) ? 1 : scenario.warmup().factorAt(t + dt / 2 - canaryStart);
  }

  /**
   * What a slice served.
   *
   * @param counts per source and version
   * @param userRequestsOnCanary user requests the canary answered (mirrored copies and the load test excluded)
   */
  record Slice(IntervalCounts counts, long userRequestsOnCanary) {}
}
