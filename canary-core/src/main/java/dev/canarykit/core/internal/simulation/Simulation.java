package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.simulation.RunResult;
import java.util.ArrayList;
import java.util.List;

/** Runs scenarios under policies, many seeded runs each, and writes the comparison as JSON. */
public final class Simulation {
  private Simulation() {}

  /**
   * Runs every scenario {@code runs} times under {@code policy}. Run i of scenario j uses a seed derived from
   * ({@code seed}, j, i), so the same arguments give the same figures, and both policies see the same traffic
   * draws at the start of each run.
   */
  public static PolicySummary run(Canary canary, List<Scenario> scenarios, Policy policy, int runs, long seed) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, but was " + runs);
    }
    Canary c = policy.apply(canary);
    List<ScenarioSummary> out = new ArrayList<>();
    for (int j = 0; j < scenarios.size(); j++) {
      List<RunResult> results = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        results.add(ReleaseSimulator.run(c, scenarios.get(j), runSeed(seed, j, i)));
      }
      out.add(new ScenarioSummary(scenarios.get(j), results));
    }
    return new PolicySummary(policy, out);
  }

  static long runSeed(long seed, int scenario, int run) {
    long h = seed * 0x9E3779B97F4A7C15L + scenario * 0xBF58476D1CE4E5B9L + run * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  /** The JSON document of the {@code simulate} command: {"policies": {"flagger": {...}, ...}}. */
  public static String toJson(List<PolicySummary> summaries) {
    return SimulationJson.report(summaries);
  }
}
