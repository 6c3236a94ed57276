package dev.canarykit.core.model;

import dev.canarykit.core.judge.JudgeState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Canary's {@code status}, field for field as Flagger writes it (docs/flagger-compatibility.md §2).
 *
 * <p>Together with the weights read back from the router, this is the whole state of a release: the machine
 * keeps nothing else between ticks.
 *
 * @param phase the phase
 * @param failedChecks failed checks of the current run (cumulative)
 * @param canaryWeight the canary weight last set
 * @param iterations analysis iterations done (A/B, Blue/Green, gates)
 * @param sessionAffinityCookie the current run's canary cookie ({@code name=value}), or empty
 * @param previousSessionAffinityCookie the previous run's cookie, deleted on the client, or empty
 * @param primarySessionAffinityCookie the primary cookie, or empty
 * @param trackedConfigs {@code configmap/<name>} or {@code secret/<name>} to checksum
 * @param lastAppliedSpec the target pod-template hash at the start of the current or last run
 * @param lastPromotedSpec the hash when last Initialized or Succeeded
 * @param lastTransitionTime the last time status was written
 * @param conditions the {@code Promoted} condition
 * @param judge the statistical judge's evidence in the current run, or {@code null} (canarykit only; adapters
 *     persist it outside Flagger's status schema)
 */
public record CanaryStatus(
    Phase phase,
    int failedChecks,
    int canaryWeight,
    int iterations,
    String sessionAffinityCookie,
    String previousSessionAffinityCookie,
    String primarySessionAffinityCookie,
    Map<String, String> trackedConfigs,
    String lastAppliedSpec,
    String lastPromotedSpec,
    Instant lastTransitionTime,
    List<CanaryCondition> conditions,
    JudgeState judge) {

  /** A status without judge evidence (the shape of Flagger's status). */
  public CanaryStatus(Phase phase, int failedChecks, int canaryWeight, int iterations, String sessionAffinityCookie,
      String previousSessionAffinityCookie, String primarySessionAffinityCookie, Map<String, String> trackedConfigs,
      String lastAppliedSpec, String lastPromotedSpec, Instant lastTransitionTime, List<CanaryCondition> conditions) {
    this(phase, failedChecks, canaryWeight, iterations, sessionAffinityCookie, previousSessionAffinityCookie,
        primarySessionAffinityCookie, trackedConfigs, lastAppliedSpec, lastPromotedSpec, lastTransitionTime,
        conditions, null);
  }

  public CanaryStatus {
    phase = phase == null ? Phase.INITIALIZING : phase;
    sessionAffinityCookie = orEmpty(sessionAffinityCookie);
    previousSessionAffinityCookie = orEmpty(previousSessionAffinityCookie);
    primarySessionAffinityCookie = orEmpty(primarySessionAffinityCookie);
    trackedConfigs = Maps.copy(trackedConfigs);
    lastAppliedSpec = orEmpty(lastAppliedSpec);
    lastPromotedSpec = orEmpty(lastPromotedSpec);
    conditions = Maps.copy(conditions);
  }

  /** The status of a Canary never seen before: phase Initializing, everything else empty. */
  public static CanaryStatus initial() {
    return new CanaryStatus(Phase.INITIALIZING, 0, 0, 0, "", "", "", Map.of(), "", "", null, List.of());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The {@code Promoted} condition, or {@code null}. */
  public CanaryCondition promotedCondition() {
    return conditions.stream().filter(c -> CanaryCondition.PROMOTED.equals(c.type())).findFirst().orElse(null);
  }

  /** A builder initialised with this status. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Derives modified copies of a status. */
  public static final class Builder {
    private Phase phase;
    private int failedChecks;
    private int canaryWeight;
    private int iterations;
    private String sessionAffinityCookie;
    private String previousSessionAffinityCookie;
    private String primarySessionAffinityCookie;
    private Map<String, String> trackedConfigs;
    private String lastAppliedSpec;
    private String lastPromotedSpec;
    private Instant lastTransitionTime;
    private List<CanaryCondition> conditions;
    private JudgeState judge;

    private Builder(CanaryStatus s) {
      phase = s.phase;
      failedChecks = s.failedChecks;
      canaryWeight = s.canaryWeight;
      iterations = s.iterations;
      sessionAffinityCookie = s.sessionAffinityCookie;
      previousSessionAffinityCookie = s.previousSessionAffinityCookie;
      primarySessionAffinityCookie = s.primarySessionAffinityCookie;
      trackedConfigs = s.trackedConfigs;
      lastAppliedSpec = s.lastAppliedSpec;
      lastPromotedSpec = s.lastPromotedSpec;
      lastTransitionTime = s.lastTransitionTime;
      conditions = s.conditions;
      judge = s.judge;
    }

    public Builder phase(Phase v) { phase = v; return this; }
    public Builder failedChecks(int v) { failedChecks = v; return this; }
    public Builder canaryWeight(int v) { canaryWeight = v; return this; }
    public Builder iterations(int v) { iterations = v; return this; }
    public Builder sessionAffinityCookie(String v) { sessionAffinityCookie = v; return this; }
    public Builder previousSessionAffinityCookie(String v) { previousSessionAffinityCookie = v; return this; }
    public Builder primarySessionAffinityCookie(String v) { primarySessionAffinityCookie = v; return this; }
    public Builder trackedConfigs(Map<String, String> v) { trackedConfigs = v; return this; }
    public Builder lastAppliedSpec(String v) { lastAppliedSpec = v; return this; }
    public Builder lastPromotedSpec(String v) { lastPromotedSpec = v; return this; }
    public Builder lastTransitionTime(Instant v) { lastTransitionTime = v; return this; }
    public Builder conditions(List<CanaryCondition> v) { conditions = v; return this; }
    public Builder judge(JudgeState v) { judge = v; return this; }

    public CanaryStatus build() {
      return new CanaryStatus(phase, failedChecks, canaryWeight, iterations, sessionAffinityCookie,
          previousSessionAffinityCookie, primarySessionAffinityCookie, trackedConfigs, lastAppliedSpec,
          lastPromotedSpec, lastTransitionTime, conditions, judge);
    }
  }

  /**
   * The {@code Promoted} condition of a Canary's status.
   *
   * @param type always {@value #PROMOTED}
   * @param status {@code True}, {@code False} or {@code Unknown}
   * @param reason the phase name
   * @param message Flagger's message for the phase
   * @param lastUpdateTime when it was last written
   * @param lastTransitionTime when its status last changed
   */
  public record CanaryCondition(
      String type, String status, String reason, String message, Instant lastUpdateTime, Instant lastTransitionTime) {

    /** The condition type Flagger maintains. */
    public static final String PROMOTED = "Promoted";

    /**
     * The reason of the {@code Promoted} condition while the canary waits for an analysis slot (phase
     * {@code Waiting}); its {@code lastTransitionTime} is when the canary joined the queue.
     */
    public static final String QUEUED = "AnalysisQueued";

    /** Whether this is the condition of a canary waiting for an analysis slot. */
    public boolean queued() {
      return PROMOTED.equals(type) && QUEUED.equals(reason);
    }
  }
}
