package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.internal.simulation.Scenario.LoadTest;
import dev.canarykit.core.internal.simulation.Scenario.TrafficPattern;
import dev.canarykit.core.internal.simulation.Scenario.Warmup;
import java.util.List;

/** The scenarios canarykit measures itself on: examples/scenarios/scenarios.yaml (docs/benchmarks.md). */
final class Scenarios {
  private Scenarios() {}

  static final VersionProfile BASE = new VersionProfile(0.002, 20, 150);
  static final VersionProfile SEED = new VersionProfile(0.001, 30, 200);
  static final LoadTest FAST_TEST_20 = new LoadTest(20, new VersionProfile(0, 5, 20));
  static final LoadTest FAST_TEST_300 = new LoadTest(300, new VersionProfile(0, 5, 20));

  static List<Scenario> all() {
    VersionProfile shared = new VersionProfile(0.003, 25, 180);
    return List.of(
        new Scenario("healthy-busy", 300, BASE, BASE, false),
        new Scenario("healthy-100rps", 100, BASE, BASE, false),
        new Scenario("healthy-20rps", 20, BASE, BASE, false),
        new Scenario("healthy-1rps", 1, BASE, BASE, false),
        new Scenario("healthy-p99-near-threshold", 100, new VersionProfile(0.002, 120, 480),
            new VersionProfile(0.002, 120, 480), false),
        new Scenario("errors-5x", 300, BASE, new VersionProfile(0.01, 20, 150), true),
        new Scenario("latency-p99-2x", 300, BASE, new VersionProfile(0.002, 20, 300), true),
        new Scenario("errors-25pct", 300, BASE, new VersionProfile(0.25, 20, 150), true),
        new Scenario("errors-subtle", 300, new VersionProfile(0.0005, 20, 150), new VersionProfile(0.006, 20, 150),
            true),
        new Scenario("seed-like-healthy", 20, SEED, SEED, false).withLoadTest(FAST_TEST_20),
        new Scenario("healthy-beside-slow-failing-load-test", 100, BASE, BASE, false)
            .withLoadTest(new LoadTest(50, new VersionProfile(0.02, 300, 900))),
        new Scenario("healthy-clusters-10-100rps", 100, BASE, BASE, false).withFailureClusterMean(10),
        new Scenario("healthy-clusters-10-20rps", 20, new VersionProfile(0.005, 20, 150),
            new VersionProfile(0.005, 20, 150), false).withFailureClusterMean(10),
        new Scenario("healthy-clusters-5-300rps", 300, BASE, BASE, false).withFailureClusterMean(5),
        new Scenario("healthy-cold-pods", 100, BASE, BASE, false).withWarmup(new Warmup(60, 3)),
        new Scenario("healthy-traffic-swing", 100, BASE, BASE, false).withTrafficPattern(new TrafficPattern(0.5, 30)),
        new Scenario("healthy-all-at-once", 50, shared, shared, false)
            .withLoadTest(new LoadTest(50, new VersionProfile(0, 5, 20))).withFailureClusterMean(5)
            .withWarmup(new Warmup(60, 3)).withTrafficPattern(new TrafficPattern(0.5, 20)),
        new Scenario("errors-5x-beside-load-test", 300, BASE, new VersionProfile(0.01, 20, 150), true)
            .withLoadTest(FAST_TEST_300),
        new Scenario("latency-p99-2x-beside-load-test", 300, BASE, new VersionProfile(0.002, 20, 300), true)
            .withLoadTest(FAST_TEST_300),
        new Scenario("errors-25pct-beside-load-test", 300, BASE, new VersionProfile(0.25, 20, 150), true)
            .withLoadTest(FAST_TEST_300));
  }
}
