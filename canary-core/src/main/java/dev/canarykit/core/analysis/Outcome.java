package dev.canarykit.core.analysis;

import java.util.Map;

/**
 * What came of a {@link Command}: adapter failures reach the machine as values, never as exceptions.
 */
public sealed interface Outcome {

  /** The command succeeded. */
  Ok OK = new Ok();

  /** The command succeeded with nothing to report. */
  record Ok() implements Outcome {}

  /**
   * The command failed.
   *
   * @param message what went wrong, used in event texts
   */
  record Failed(String message) implements Outcome {}

  /**
   * The target's revision.
   *
   * @param specHash the pod-template hash
   * @param trackedConfigs {@code configmap/<name>} or {@code secret/<name>} to checksum
   */
  record Revision(String specHash, Map<String, String> trackedConfigs) implements Outcome {
    public Revision {
      trackedConfigs = trackedConfigs == null ? Map.of() : Map.copyOf(trackedConfigs);
    }
  }

  /**
   * A readiness report.
   *
   * @param state ready, waiting (retriable) or failed (non-retriable)
   * @param message why it is not ready, empty when ready
   */
  record Readiness(State state, String message) implements Outcome {
    /** Ready. */
    public static final Readiness READY = new Readiness(State.READY, "");

    /** Not ready yet; try again next tick. */
    public static Readiness waiting(String message) {
      return new Readiness(State.WAITING, message);
    }

    /** Will not become ready (for example its progress deadline passed). */
    public static Readiness failed(String message) {
      return new Readiness(State.FAILED, message);
    }

    /** Readiness states. */
    public enum State {
      READY,
      WAITING,
      FAILED
    }
  }

  /**
   * The live routing.
   *
   * @param primaryWeight the primary's weight
   * @param canaryWeight the canary's weight
   * @param mirrored whether traffic is mirrored to the canary
   */
  record Routes(int primaryWeight, int canaryWeight, boolean mirrored) implements Outcome {}

  /**
   * What each version served in one interval, for the judge.
   *
   * @param counts the primary's and the canary's counts
   */
  record Counts(dev.canarykit.core.judge.IntervalCounts counts) implements Outcome {}

  /** The typed result of a metric query. */
  sealed interface MetricResult extends Outcome {}

  /**
   * A value ({@code +Inf} and {@code -Inf} are values).
   *
   * @param value the query's single sample
   */
  record MetricValue(double value) implements MetricResult {}

  /**
   * No data: an empty result or NaN.
   *
   * @param message the provider's words, e.g. {@code no values found}
   */
  record NoData(String message) implements MetricResult {}

  /**
   * The query could not be answered.
   *
   * @param message what went wrong
   * @param setup {@code true} when the message is already a complete event text (template, secret, provider or
   *     render errors); {@code false} for query errors the machine prefixes per metric kind
   */
  record MetricError(String message, boolean setup) implements MetricResult {}
}
