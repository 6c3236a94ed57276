package dev.canarykit.core.judge;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.Provider;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.WebhookSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The judge's policy, frozen before the first interval (changing it mid-rollout voids the guarantee).
 *
 * @param alpha probability bound of rolling back a canary within the rollback margins, over the whole rollout
 * @param alphaPromotion probability bound of declaring a canary beyond its promotion margin non-inferior
 * @param rollbackRatio ρ0: rates up to this many times the primary's count as "no worse" (1.2 = 20% worse)
 * @param promotionRatio ρ1: rates below this many times the primary's are non-inferior (1.5)
 * @param gridPoints alternatives per mixture (12)
 * @param latencyEdgesMs Istio bucket edges whose exceedance ratio is tested for rollback
 * @param errorBudget the canary's own failure budget (1 − success-rate minimum), or 0 for none
 * @param latencyThresholdMs the P99 limit in ms (request-duration maximum), or 0 for none
 * @param latencyTailBudget the share of requests allowed above {@code latencyThresholdMs} (0.01 for a P99)
 * @param minRollbackEvents canary events a test needs before it may roll back (a gate: keeps the guarantee)
 * @param horizonIntervals analysed intervals after which {@code onHorizon} applies to an undecided rollout
 * @param onHorizon what an undecided rollout does at the horizon
 * @param actions the action for each verdict
 * @param policyVersion names this policy in provenance
 * @param comparison which traffic the tests compare (from the strategy)
 * @param syntheticSources sources whose requests are synthetic (load testers): workload names or
 *     {@code <namespace>/<workload>}
 * @param warmupIntervals the first analysed intervals of a run that give no latency evidence (cold pods)
 * @param failureClusterMean the largest mean size of failure clusters the error tests stay valid for (1 means
 *     independent failures)
 */
public record JudgeConfig(
    double alpha, double alphaPromotion, double rollbackRatio, double promotionRatio, int gridPoints,
    double[] latencyEdgesMs, double errorBudget, double latencyThresholdMs, double latencyTailBudget,
    int minRollbackEvents, int horizonIntervals, Action onHorizon, Map<Verdict, Action> actions,
    String policyVersion, Comparison comparison, List<String> syntheticSources, int warmupIntervals,
    double failureClusterMean) {

  /** The version of the default policy. */
  public static final String POLICY_VERSION = "canarykit-judge/3";
  /** How much analysis time an undecided rollout gets before the horizon action, by default. */
  public static final Duration DEFAULT_HORIZON = Duration.ofMinutes(30);
  /** How long a scaled-up canary's latency is not judged, by default. */
  public static final Duration DEFAULT_WARMUP = Duration.ofMinutes(1);
  /** The failure cluster mean the error tests stay valid for, by default. */
  public static final double DEFAULT_FAILURE_CLUSTER_MEAN = 10;

  public JudgeConfig {
    require(alpha > 0 && alpha < 1, "alpha must be in (0, 1)", alpha);
    require(alphaPromotion > 0 && alphaPromotion < 1, "alphaPromotion must be in (0, 1)", alphaPromotion);
    require(rollbackRatio >= 1, "rollbackRatio must be >= 1", rollbackRatio);
    require(promotionRatio >= rollbackRatio, "promotionRatio must be >= rollbackRatio", promotionRatio);
    require(gridPoints >= 1, "gridPoints must be >= 1", gridPoints);
    require(errorBudget >= 0 && errorBudget < 1, "errorBudget must be in [0, 1)", errorBudget);
    require(latencyTailBudget > 0 && latencyTailBudget < 1, "latencyTailBudget must be in (0, 1)",
        latencyTailBudget);
    require(horizonIntervals >= 1, "horizonIntervals must be >= 1", horizonIntervals);
    require(warmupIntervals >= 0, "warmupIntervals must be >= 0", warmupIntervals);
    require(failureClusterMean >= 1 && failureClusterMean <= Clusters.MAX_MEAN,
        "failureClusterMean must be in [1, " + (int) Clusters.MAX_MEAN + "]", failureClusterMean);
    latencyEdgesMs = latencyEdgesMs.clone();
    for (double e : latencyEdgesMs) {
      require(IstioBuckets.indexOf(e) >= 0, "latency edges must be Istio bucket edges", e);
    }
    Map<Verdict, Action> copy = new EnumMap<>(DEFAULT_ACTIONS);
    copy.putAll(actions);
    actions = Map.copyOf(copy);
    comparison = comparison == null ? Comparison.SOURCES : comparison;
    syntheticSources = List.copyOf(new TreeSet<>(syntheticSources == null ? List.of() : syntheticSources));
  }

  private static final Map<Verdict, Action> DEFAULT_ACTIONS = Map.of(
      Verdict.REGRESSION, Action.ROLLBACK,
      Verdict.NON_INFERIOR, Action.ADVANCE,
      Verdict.INCONCLUSIVE, Action.ADVANCE_BELOW_MAX,
      Verdict.NO_DATA, Action.FAIL_CHECK,
      Verdict.ERROR, Action.FAIL_CHECK);

  private static void require(boolean ok, String message, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(message + ", but was " + value);
    }
  }

  /**
   * The defaults with no absolute budgets: canary versus primary source by source, no synthetic sources, one
   * warm-up interval, error tests valid for failure clusters of mean up to {@value #DEFAULT_FAILURE_CLUSTER_MEAN}.
   */
  public static JudgeConfig ofDefaults() {
    return new JudgeConfig(0.05, 0.05, 1.2, 1.5, 12, new double[] {100, 250, 500, 1000}, 0, 0, 0.01, 3, 30,
        Action.PROMOTE, Map.of(), POLICY_VERSION, Comparison.SOURCES, List.of(), 1, DEFAULT_FAILURE_CLUSTER_MEAN);
  }

  /**
   * The defaults for {@code spec}: Flagger's built-in thresholds read as budgets (a request-success-rate minimum m
   * gives a failure budget of 1 − m/100; a request-duration maximum gives the P99 limit); the comparison its
   * strategy allows; the hosts of its webhooks as synthetic sources; {@link #DEFAULT_HORIZON} of analysis and
   * {@link #DEFAULT_WARMUP} of warm-up, in the canary's own intervals (at least one).
   */
  public static JudgeConfig forCanary(CanarySpec spec) {
    AnalysisSpec analysis = spec.analysisOrEmpty();
    Duration interval = analysis.intervalOrDefault();
    double errorBudget = 0;
    double latency = 0;
    for (MetricSpec m : analysis.metrics()) {
      if (m.kind() != MetricSpec.Kind.BUILTIN) {
        continue;
      }
      if (MetricSpec.REQUEST_SUCCESS_RATE.equals(m.name())) {
        Double min = m.thresholdRange() != null ? m.thresholdRange().min() : m.threshold();
        errorBudget = min != null && min < 100 && min > 0 ? 1 - min / 100 : 0;
      } else {
        Double max = m.thresholdRange() != null ? m.thresholdRange().max() : m.threshold();
        latency = max != null && max > 0 ? max : 0;
      }
    }
    return ofDefaults().toBuilder().budgets(errorBudget, latency).horizon(DEFAULT_HORIZON, interval)
        .warmup(DEFAULT_WARMUP, interval).comparison(comparison(spec)).syntheticSources(webhookHosts(analysis))
        .build();
  }

  /** The comparison the strategy of {@code spec} allows (see {@link Comparison}). */
  public static Comparison comparison(CanarySpec spec) {
    AnalysisSpec a = spec.analysisOrEmpty();
    boolean kubernetes = spec.providerType() == Provider.KUBERNETES;
    if (!kubernetes && !a.match().isEmpty() && a.iterationsOrZero() > 0) {
      return Comparison.SEGMENT;
    }
    boolean blueGreen = kubernetes || a.iterationsOrZero() > 0;
    return blueGreen && !(a.mirror() && !kubernetes) ? Comparison.SYNTHETIC : Comparison.SOURCES;
  }

  /**
   * The first DNS label of each webhook's host ({@code http://flagger-loadtester.test/} names
   * {@code flagger-loadtester}): the workload of the load tester the webhooks drive. Parsed by hand, since the
   * judge does no I/O and uses no networking class; validation reports unusable URLs.
   */
  static List<String> webhookHosts(AnalysisSpec analysis) {
    TreeSet<String> hosts = new TreeSet<>();
    for (WebhookSpec w : analysis.webhooks()) {
      String url = w.url() == null ? "" : w.url();
      int scheme = url.indexOf("://");
      String rest = scheme < 0 ? "" : url.substring(scheme + 3);
      String authority = rest.split("[/?#]", 2)[0];
      String host = authority.substring(authority.lastIndexOf('@') + 1).split("[:.]", 2)[0];
      if (!host.isEmpty() && !host.startsWith("[")) {
        hosts.add(host.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return List.copyOf(hosts);
  }

  /** A copy with other absolute budgets. */
  public JudgeConfig with(double newErrorBudget, double newLatencyThresholdMs) {
    return toBuilder().budgets(newErrorBudget, newLatencyThresholdMs).build();
  }

  /** A copy with another alpha. */
  public JudgeConfig withAlpha(double newAlpha) {
    return toBuilder().alpha(newAlpha).build();
  }

  /** The action for {@code verdict}. */
  public Action action(Verdict verdict) {
    return actions.get(verdict);
  }

  /** Whether requests from {@code source} are synthetic (named in {@link #syntheticSources}). */
  public boolean isSynthetic(Source source) {
    for (String name : syntheticSources) {
      if (source.isNamedBy(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the comparison has relative (canary versus primary) tests. */
  public boolean hasRelativeTests() {
    return comparison == Comparison.SOURCES || comparison == Comparison.POOLED;
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JudgeConfig c && c.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "JudgeConfig[alpha=" + alpha + ", alphaPromotion=" + alphaPromotion + ", rollbackRatio=" + rollbackRatio
        + ", promotionRatio=" + promotionRatio + ", gridPoints=" + gridPoints + ", latencyEdgesMs="
        + Arrays.toString(latencyEdgesMs) + ", errorBudget=" + errorBudget + ", latencyThresholdMs="
        + latencyThresholdMs + ", latencyTailBudget=" + latencyTailBudget + ", minRollbackEvents="
        + minRollbackEvents + ", horizonIntervals=" + horizonIntervals + ", onHorizon=" + onHorizon
        + ", actions=" + new java.util.TreeMap<>(actions) + ", policyVersion=" + policyVersion + ", comparison="
        + comparison + ", syntheticSources=" + syntheticSources + ", warmupIntervals=" + warmupIntervals
        + ", failureClusterMean=" + failureClusterMean + "]";
  }

  /** Builds a policy from another; every setter returns the builder. */
  public static final class Builder {
    private double alpha;
    private double alphaPromotion;
    private double rollbackRatio;
    private double promotionRatio;
    private int gridPoints;
    private double[] latencyEdgesMs;
    private double errorBudget;
    private double latencyThresholdMs;
    private double latencyTailBudget;
    private int minRollbackEvents;
    private int horizonIntervals;
    private Action onHorizon;
    private Map<Verdict, Action> actions;
    private String policyVersion;
    private Comparison comparison;
    private List<String> syntheticSources;
    private int warmupIntervals;
    private double failureClusterMean;

    private Builder(JudgeConfig c) {
      alpha = c.alpha;
      alphaPromotion = c.alphaPromotion;
      rollbackRatio = c.rollbackRatio;
      promotionRatio = c.promotionRatio;
      gridPoints = c.gridPoints;
      latencyEdgesMs = c.latencyEdgesMs;
      errorBudget = c.errorBudget;
      latencyThresholdMs = c.latencyThresholdMs;
      latencyTailBudget = c.latencyTailBudget;
      minRollbackEvents = c.minRollbackEvents;
      horizonIntervals = c.horizonIntervals;
      onHorizon = c.onHorizon;
      actions = c.actions;
      policyVersion = c.policyVersion;
      comparison = c.comparison;
      syntheticSources = c.syntheticSources;
      warmupIntervals = c.warmupIntervals;
      failureClusterMean = c.failureClusterMean;
    }

    public Builder alpha(double v) { alpha = v; return this; }
    public Builder rollbackRatio(double v) { rollbackRatio = v; return this; }
    public Builder promotionRatio(double v) { promotionRatio = v; return this; }
    public Builder latencyEdgesMs(double... v) { latencyEdgesMs = v; return this; }
    public Builder minRollbackEvents(int v) { minRollbackEvents = v; return this; }
    public Builder horizonIntervals(int v) { horizonIntervals = v; return this; }
    public Builder onHorizon(Action v) { onHorizon = v; return this; }
    public Builder actions(Map<Verdict, Action> v) { actions = v; return this; }
    public Builder policyVersion(String v) { policyVersion = v; return this; }
    public Builder comparison(Comparison v) { comparison = v; return this; }
    public Builder syntheticSources(List<String> v) { syntheticSources = v; return this; }
    public Builder warmupIntervals(int v) { warmupIntervals = v; return this; }
    public Builder failureClusterMean(double v) { failureClusterMean = v; return this; }

    /** The absolute budgets: a failure budget (0 for none) and a P99 limit in ms (0 for none). */
    public Builder budgets(double newErrorBudget, double newLatencyThresholdMs) {
      errorBudget = newErrorBudget;
      latencyThresholdMs = newLatencyThresholdMs;
      return this;
    }

    /** The horizon as analysis time, in whole intervals of {@code interval} (at least one). */
    public Builder horizon(Duration horizon, Duration interval) {
      horizonIntervals = (int) Math.max(1, intervals(horizon, interval));
      return this;
    }

    /** The warm-up as time, in whole intervals of {@code interval} (rounded up; zero turns it off). */
    public Builder warmup(Duration warmup, Duration interval) {
      warmupIntervals = (int) intervals(warmup, interval);
      return this;
    }

    private static long intervals(Duration d, Duration interval) {
      long ms = Math.max(1, interval.toMillis());
      return (d.toMillis() + ms - 1) / ms;
    }

    public JudgeConfig build() {
      return new JudgeConfig(alpha, alphaPromotion, rollbackRatio, promotionRatio, gridPoints, latencyEdgesMs,
          errorBudget, latencyThresholdMs, latencyTailBudget, minRollbackEvents, horizonIntervals, onHorizon,
          actions, policyVersion, comparison, syntheticSources, warmupIntervals, failureClusterMean);
    }
  }
}
