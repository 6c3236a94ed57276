package dev.canarykit.core.model;

import dev.canarykit.core.internal.GoDuration;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Canary's {@code spec.analysis} (or legacy {@code canaryAnalysis}): schedule, weights, strategy, checks.
 *
 * <p>Numbers are kept as written ({@code null} when absent) so validation can report them; the
 * {@code ...OrDefault()} accessors apply Flagger's defaults and clamping. The interval is read once, when the spec
 * is built; text that is not a Go duration is kept in {@code unreadable} for validation to report (mapping a
 * resource never fails, see {@code docs/decisions.md}).
 *
 * @param interval the schedule interval, or {@code null} when unset or unreadable (then 60s); under 10s is
 *     clamped to 10s
 * @param threshold failed checks before rollback; {@code null} or &lt;= 0 is 1
 * @param maxWeight the canary weight at which promotion starts (0-100), or {@code null}
 * @param stepWeight the weight added per step (0-100), or {@code null}
 * @param stepWeights explicit ascending weights, overriding stepWeight and maxWeight
 * @param stepWeightPromotion primary weight added per promotion step; {@code null} or 0 means all at once
 * @param iterations analysis iterations for A/B and Blue/Green; {@code null} or 0 means the canary strategy
 * @param match Istio HTTPMatchRequests for A/B testing
 * @param mirror whether traffic is mirrored to the canary
 * @param mirrorWeight percent of traffic mirrored (0-100), or {@code null} for all
 * @param primaryReadyThreshold percent of updated primary replicas that must be available, default 100
 * @param canaryReadyThreshold percent of updated canary replicas that must be available, default 100
 * @param sessionAffinity sticky canary sessions, or {@code null}
 * @param metrics metric checks in order
 * @param webhooks webhooks in order
 * @param alerts alert routes
 * @param unreadable the text of each field that could not be read, by field name ({@code interval}); empty for a
 *     spec built from typed values
 */
public record AnalysisSpec(
    Duration interval,
    Integer threshold,
    Integer maxWeight,
    Integer stepWeight,
    List<Integer> stepWeights,
    Integer stepWeightPromotion,
    Integer iterations,
    List<Map<String, Object>> match,
    boolean mirror,
    Integer mirrorWeight,
    Integer primaryReadyThreshold,
    Integer canaryReadyThreshold,
    SessionAffinity sessionAffinity,
    List<MetricSpec> metrics,
    List<WebhookSpec> webhooks,
    List<AlertSpec> alerts,
    Map<String, String> unreadable) {

  /** Interval used when none (or an unparsable one) is given. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
  /** Shortest interval; shorter ones are clamped to it. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
  /** Total weight of a route. */
  public static final int TOTAL_WEIGHT = 100;

  public AnalysisSpec {
    stepWeights = Maps.copy(stepWeights);
    match = JsonTree.copyObjects(match);
    metrics = Maps.copy(metrics);
    webhooks = Maps.copy(webhooks);
    alerts = Maps.copy(alerts);
    unreadable = Maps.copy(unreadable);
  }

  /** Starts a builder with no fields set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The schedule interval with Flagger's default and clamping. */
  public Duration intervalOrDefault() {
    if (interval == null || interval.isZero() || interval.isNegative()) {
      return DEFAULT_INTERVAL;
    }
    return interval.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : interval;
  }

  /** Failed checks that trigger rollback; at least 1. */
  public int thresholdOrDefault() {
    return threshold == null || threshold <= 0 ? 1 : threshold;
  }

  /** Iterations, 0 when unset. */
  public int iterationsOrZero() {
    return iterations == null ? 0 : Math.max(0, iterations);
  }

  /** Promotion step, 0 when unset. */
  public int stepWeightPromotionOrZero() {
    return stepWeightPromotion == null ? 0 : Math.max(0, stepWeightPromotion);
  }

  /** Primary readiness threshold in percent. */
  public int primaryReadyThresholdOrDefault() {
    return primaryReadyThreshold == null ? 100 : primaryReadyThreshold;
  }

  /** Canary readiness threshold in percent. */
  public int canaryReadyThresholdOrDefault() {
    return canaryReadyThreshold == null ? 100 : canaryReadyThreshold;
  }

  /** The mirror percentage, 0 when unset (Istio then mirrors everything). */
  public int mirrorWeightOrZero() {
    return mirrorWeight == null ? 0 : mirrorWeight;
  }

  /**
   * The canary weight at which promotion starts: the last stepWeight (capped at 100), else maxWeight when
   * positive, else 100.
   */
  public int effectiveMaxWeight() {
    if (!stepWeights.isEmpty()) {
      return Math.min(TOTAL_WEIGHT, stepWeights.get(stepWeights.size() - 1));
    }
    return maxWeight != null && maxWeight > 0 ? maxWeight : TOTAL_WEIGHT;
  }

  /** The weight to add at {@code canaryWeight}, as docs/flagger-compatibility.md §1.8 describes. */
  public int nextStepWeight(int canaryWeight) {
    int step = stepWeight == null ? 0 : stepWeight;
    if (step > 0 || stepWeights.isEmpty()) {
      return step;
    }
    int room = TOTAL_WEIGHT - canaryWeight;
    if (canaryWeight == TOTAL_WEIGHT) {
      return 1;
    }
    if (canaryWeight == 0) {
      return Math.min(room, stepWeights.get(0));
    }
    for (int i = 0; i < stepWeights.size() - 1; i++) {
      if (stepWeights.get(i) == canaryWeight) {
        return Math.min(room, stepWeights.get(i + 1) - canaryWeight);
      }
    }
    return room;
  }

  /** The strategy this analysis selects (A/B when match and iterations, Blue/Green with iterations). */
  public Strategy strategy() {
    if (!match.isEmpty() && iterationsOrZero() > 0) {
      return Strategy.AB_TESTING;
    }
    return iterationsOrZero() > 0 ? Strategy.BLUE_GREEN : Strategy.CANARY;
  }

  /** A builder initialised with this analysis' values. */
  public Builder toBuilder() {
    return new Builder().interval(interval).unreadable(unreadable).threshold(threshold).maxWeight(maxWeight).stepWeight(stepWeight)
        .stepWeights(stepWeights).stepWeightPromotion(stepWeightPromotion).iterations(iterations).match(match)
        .mirror(mirror).mirrorWeight(mirrorWeight).primaryReadyThreshold(primaryReadyThreshold)
        .canaryReadyThreshold(canaryReadyThreshold).sessionAffinity(sessionAffinity).metrics(metrics)
        .webhooks(webhooks).alerts(alerts);
  }

  /** Builds an {@link AnalysisSpec}; values are checked by validation, not here. */
  public static final class Builder {
    private Duration interval;
    private final Map<String, String> unreadable = new java.util.LinkedHashMap<>();
    private Integer threshold;
    private Integer maxWeight;
    private Integer stepWeight;
    private List<Integer> stepWeights;
    private Integer stepWeightPromotion;
    private Integer iterations;
    private List<Map<String, Object>> match;
    private boolean mirror;
    private Integer mirrorWeight;
    private Integer primaryReadyThreshold;
    private Integer canaryReadyThreshold;
    private SessionAffinity sessionAffinity;
    private List<MetricSpec> metrics;
    private List<WebhookSpec> webhooks;
    private List<AlertSpec> alerts;

    private Builder() {}

    /** The schedule interval ({@code null}: unset). */
    public Builder interval(Duration v) {
      interval = v;
      unreadable.remove("interval");
      return this;
    }

    /**
     * The schedule interval as a Go duration ({@code 1m}, {@code 30s}); {@code null} or empty is unset. Text that
     * is not a Go duration leaves the interval unset and is kept for validation to report.
     */
    public Builder interval(String goDuration) {
      interval = null;
      unreadable.remove("interval");
      if (goDuration != null && !goDuration.isEmpty()) {
        GoDuration.parse(goDuration).ifPresentOrElse(d -> interval = d, () -> unreadable.put("interval", goDuration));
      }
      return this;
    }

    private Builder unreadable(Map<String, String> v) {
      unreadable.putAll(v);
      return this;
    }

    public Builder threshold(Integer v) { threshold = v; return this; }
    public Builder maxWeight(Integer v) { maxWeight = v; return this; }
    public Builder stepWeight(Integer v) { stepWeight = v; return this; }
    public Builder stepWeights(List<Integer> v) { stepWeights = v; return this; }

    /** Explicit ascending weights, e.g. {@code stepWeights(5, 10, 25, 50)}. */
    public Builder stepWeights(int... v) {
      stepWeights = java.util.Arrays.stream(v).boxed().toList();
      return this;
    }

    public Builder stepWeightPromotion(Integer v) { stepWeightPromotion = v; return this; }
    public Builder iterations(Integer v) { iterations = v; return this; }
    public Builder match(List<Map<String, Object>> v) { match = v; return this; }
    public Builder mirror(boolean v) { mirror = v; return this; }
    public Builder mirrorWeight(Integer v) { mirrorWeight = v; return this; }
    public Builder primaryReadyThreshold(Integer v) { primaryReadyThreshold = v; return this; }
    public Builder canaryReadyThreshold(Integer v) { canaryReadyThreshold = v; return this; }
    public Builder sessionAffinity(SessionAffinity v) { sessionAffinity = v; return this; }
    public Builder metrics(List<MetricSpec> v) { metrics = v; return this; }
    public Builder webhooks(List<WebhookSpec> v) { webhooks = v; return this; }
    public Builder alerts(List<AlertSpec> v) { alerts = v; return this; }

    public AnalysisSpec build() {
      return new AnalysisSpec(interval, threshold, maxWeight, stepWeight, stepWeights, stepWeightPromotion,
          iterations, match, mirror, mirrorWeight, primaryReadyThreshold, canaryReadyThreshold, sessionAffinity,
          metrics, webhooks, alerts, unreadable);
    }
  }

  /** Deployment strategies, named as in Flagger's metrics labels. */
  public enum Strategy {
    CANARY("canary"),
    AB_TESTING("ab-testing"),
    BLUE_GREEN("blue-green");

    private final String wireName;

    Strategy(String wireName) {
      this.wireName = wireName;
    }

    /** The label value Flagger uses. */
    public String wireName() {
      return wireName;
    }
  }
}
