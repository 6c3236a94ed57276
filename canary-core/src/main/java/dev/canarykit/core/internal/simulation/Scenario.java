package dev.canarykit.core.internal.simulation;

/**
 * A simulated release: the service's traffic, how each version behaves, and the ground truth.
 *
 * @param name the scenario's name
 * @param requestsPerSecond total traffic of the service (&gt; 0)
 * @param primary the primary's behaviour
 * @param canary the canary's behaviour
 * @param regression whether the canary should be rolled back
 */
public record Scenario(String name, double requestsPerSecond, VersionProfile primary, VersionProfile canary,
    boolean regression) {
  public Scenario {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("scenario name is required");
    }
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("scenario " + name + ": requestsPerSecond must be > 0, but was "
          + requestsPerSecond);
    }
  }
}
