package dev.canarykit.core.internal.simulation;

import java.util.Objects;

/**
 * A simulated release: the service's traffic, how each version behaves, and the ground truth. Every field after
 * {@code regression} is optional; absent, the world is the ideal one (no load test, independent failures, warm
 * pods, steady traffic).
 *
 * @param name the scenario's name
 * @param requestsPerSecond user traffic through the router (&gt; 0; the mean when {@code trafficPattern} is set)
 * @param primary the primary's behaviour
 * @param canary the canary's behaviour
 * @param regression whether the canary should be rolled back (ground truth about user traffic)
 * @param loadTest synthetic traffic sent straight to the canary while the analysis runs, or {@code null}
 * @param failureClusterMean failures come in clusters of geometric size with this mean (1: independent)
 * @param warmup how the canary is slower after its scale-up, or {@code null}
 * @param trafficPattern how user traffic swings, or {@code null}
 * @param segmentOnPrimary A/B only: what the primary gives the matched segment, or {@code null} for the primary's
 *     profile
 */
public record Scenario(String name, double requestsPerSecond, VersionProfile primary, VersionProfile canary,
    boolean regression, LoadTest loadTest, double failureClusterMean, Warmup warmup, TrafficPattern trafficPattern,
    VersionProfile segmentOnPrimary) {
  public Scenario {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("scenario name is required");
    }
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("scenario " + name + ": requestsPerSecond must be > 0, but was "
          + requestsPerSecond);
    }
    if (!(failureClusterMean >= 1 && failureClusterMean <= 1000)) {
      throw new IllegalArgumentException("scenario " + name + ": failureClusterMean must be in [1, 1000], but was "
          + failureClusterMean);
    }
    Objects.requireNonNull(primary, "primary == null");
    Objects.requireNonNull(canary, "canary == null");
  }

  /** A scenario in the ideal world: users only, independent failures, warm pods, steady traffic. */
  public Scenario(String name, double requestsPerSecond, VersionProfile primary, VersionProfile canary,
      boolean regression) {
    this(name, requestsPerSecond, primary, canary, regression, null, 1, null, null, null);
  }

  /** This scenario with a load test beside the users. */
  public Scenario withLoadTest(LoadTest test) {
    return with(c -> c.loadTest = test);
  }

  /** This scenario with failures in clusters of mean {@code mean}. */
  public Scenario withFailureClusterMean(double mean) {
    return with(c -> c.failureClusterMean = mean);
  }

  /** This scenario with a cold canary after its scale-up. */
  public Scenario withWarmup(Warmup w) {
    return with(c -> c.warmup = w);
  }

  /** This scenario with swinging user traffic. */
  public Scenario withTrafficPattern(TrafficPattern p) {
    return with(c -> c.trafficPattern = p);
  }

  /** This scenario with what the primary gives the A/B segment. */
  public Scenario withSegmentOnPrimary(VersionProfile p) {
    return with(c -> c.segmentOnPrimary = p);
  }

  /** This scenario under another name. */
  public Scenario named(String newName) {
    return with(c -> c.name = newName);
  }

  /** A copy of this scenario with the fields {@code change} sets. */
  private Scenario with(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new Scenario(c.name, requestsPerSecond, primary, canary, regression, c.loadTest, c.failureClusterMean,
        c.warmup, c.trafficPattern, c.segmentOnPrimary);
  }

  /** The fields a copy may change. */
  private static final class Copy {
    private String name;
    private LoadTest loadTest;
    private double failureClusterMean;
    private Warmup warmup;
    private TrafficPattern trafficPattern;
    private VersionProfile segmentOnPrimary;

    private Copy(Scenario s) {
      name = s.name;
      loadTest = s.loadTest;
      failureClusterMean = s.failureClusterMean;
      warmup = s.warmup;
      trafficPattern = s.trafficPattern;
      segmentOnPrimary = s.segmentOnPrimary;
    }
  }

  /**
   * Synthetic traffic from the load tester (source workload {@value #LOAD_TESTER}).
   *
   * @param requestsPerSecond its rate (&gt; 0)
   * @param profile how the canary answers it
   */
  public record LoadTest(double requestsPerSecond, VersionProfile profile) {
    public LoadTest {
      if (!(requestsPerSecond > 0)) {
        throw new IllegalArgumentException("loadTest.requestsPerSecond must be > 0, but was " + requestsPerSecond);
      }
      Objects.requireNonNull(profile, "profile == null");
    }
  }

  /** The load tester's workload name. */
  public static final String LOAD_TESTER = "flagger-loadtester";

  /**
   * A cold canary: after its scale-up its latency is multiplied by a factor falling linearly from
   * {@code latencyFactor} to 1 over {@code seconds}.
   *
   * @param seconds how long the canary is cold (&gt; 0)
   * @param latencyFactor the factor at the start (&gt;= 1)
   */
  public record Warmup(double seconds, double latencyFactor) {
    public Warmup {
      if (!(seconds > 0)) {
        throw new IllegalArgumentException("warmup.seconds must be > 0, but was " + seconds);
      }
      if (!(latencyFactor >= 1)) {
        throw new IllegalArgumentException("warmup.latencyFactor must be >= 1, but was " + latencyFactor);
      }
    }

    /** The factor {@code secondsAfterStart} after the canary started. */
    double factorAt(double secondsAfterStart) {
      return 1 + (latencyFactor - 1) * Math.max(0, 1 - secondsAfterStart / seconds);
    }
  }

  /**
   * User traffic rps(t) = rps·(1 + amplitude·sin(2πt/period)), t from the start of the run.
   *
   * @param amplitude in [0, 1]
   * @param periodMinutes &gt; 0
   */
  public record TrafficPattern(double amplitude, double periodMinutes) {
    public TrafficPattern {
      if (!(amplitude >= 0 && amplitude <= 1)) {
        throw new IllegalArgumentException("trafficPattern.amplitude must be in [0, 1], but was " + amplitude);
      }
      if (!(periodMinutes > 0)) {
        throw new IllegalArgumentException("trafficPattern.periodMinutes must be > 0, but was " + periodMinutes);
      }
    }

    double factorAt(double seconds) {
      return 1 + amplitude * Math.sin(2 * Math.PI * seconds / (periodMinutes * 60));
    }
  }
}
