package dev.canarykit.core.model;

import java.time.Instant;

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
