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
}
