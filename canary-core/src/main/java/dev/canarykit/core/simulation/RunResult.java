package dev.canarykit.core.simulation;

/**
 * What came of one simulated release.
 *
 * @param outcome promoted, rolled back, or undecided at the horizon
 * @param minutesToDecision minutes from "New revision detected" to promotion completed or rollback; NaN when
 *     undecided
 * @param canaryRequests requests the canary served from the start of the run until traffic returned to the
 *     primary, or until the horizon when it was promoted (then the new version served everything) or undecided
 */
public record RunResult(End outcome, double minutesToDecision, double canaryRequests) {
  /** How a run ended. */
  public enum End {
    PROMOTED,
    ROLLED_BACK,
    UNDECIDED
  }
}
