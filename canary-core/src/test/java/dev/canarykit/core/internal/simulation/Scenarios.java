package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.internal.simulation.Scenario;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.util.List;

/** The scenarios canarykit measures itself on (docs/benchmarks.md). */
final class Scenarios {
  private Scenarios() {}

  static final VersionProfile BASE = new VersionProfile(0.002, 20, 150);

  static List<Scenario> all() {
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
            true));
  }
}
