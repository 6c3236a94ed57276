package dev.canarykit.core.analysis;

import java.util.Map;

/**
 * What came of a {@link Command}: adapter failures reach the machine as values, never as exceptions.
 *
 * <p>Each command is answered by one of the result types below, named in its type parameter
 * ({@code Command<R extends Outcome>}): {@link OkResult}, {@link RevisionResult}, {@link ReadinessResult},
 * {@link RoutesResult}, {@link MetricResult}, {@link CountsResult} or {@link SlotResult}. Each is a sealed union of the command's
 * answers and {@link Failed}, so a failure answers every command and the compiler rejects any other mismatch.
 */
public sealed interface Outcome {

  /** The command succeeded. */
  Ok OK = new Ok();

  /** The answer of a command whose success carries nothing: {@link Ok} or {@link Failed}. */
  sealed interface OkResult extends Outcome permits Ok, Failed {}

  /** The answer of {@link Command.ObserveTarget}: {@link Revision} or {@link Failed}. */
  sealed interface RevisionResult extends Outcome permits Revision, Failed {}

  /** The answer of {@link Command.CheckReadiness}: {@link Readiness} or {@link Failed} (read as waiting). */
  sealed interface ReadinessResult extends Outcome permits Readiness, Failed {}

  /** The answer of {@link Command.ReadRoutes}: {@link Routes} or {@link Failed}. */
  sealed interface RoutesResult extends Outcome permits Routes, Failed {}

  /**
   * The answer of {@link Command.AcquireAnalysisSlot}: {@link Admitted}, {@link Queued} or {@link Failed} (read as
   * not admitted).
   */
  sealed interface SlotResult extends Outcome permits Admitted, Queued, Failed {}

  /** The answer of {@link Command.QueryCounts}: {@link Counts} or {@link Failed}. */
  sealed interface CountsResult extends Outcome permits Counts, Failed {}

  /**
   * The answer of {@link Command.QueryMetric}: a value, no data, or an error. {@link Failed} reads as
   * {@link MetricError} with {@code setup == false}.
   */
  sealed interface MetricResult extends Outcome permits MetricValue, NoData, MetricError, Failed {}

  /** The command succeeded with nothing to report. */
  record Ok() implements OkResult {}

  /**
   * The command failed. It answers every command.
   *
   * @param message what went wrong, used in event texts
   */
  record Failed(String message)
      implements OkResult, RevisionResult, ReadinessResult, RoutesResult, CountsResult, MetricResult, SlotResult {}

  /** The canary may start its analysis: it holds one of the limited analysis slots until its run ends. */
  record Admitted() implements SlotResult {}

  /**
   * Every analysis slot is taken: the canary waits in a queue served in order of arrival.
   *
   * @param position the canary's place in the queue, 1 for the next to start
   * @param limit how many canaries may analyse at once
   */
  record Queued(int position, int limit) implements SlotResult {
    public Queued {
      if (position < 1 || limit < 1) {
        throw new IllegalArgumentException("position and limit must be at least 1, but were " + position
            + " and " + limit);
      }
    }
  }

  /**
   * The target's revision.
   *
   * @param specHash the pod-template hash
   * @param trackedConfigs {@code configmap/<name>} or {@code secret/<name>} to checksum
   */
  record Revision(String specHash, Map<String, String> trackedConfigs) implements RevisionResult {
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
  record Readiness(State state, String message) implements ReadinessResult {
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
  record Routes(int primaryWeight, int canaryWeight, boolean mirrored) implements RoutesResult {}

  /**
   * What each version served in one interval, for the judge.
   *
   * @param counts the primary's and the canary's counts
   */
  record Counts(dev.canarykit.core.judge.IntervalCounts counts) implements CountsResult {}

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
