package dev.canarykit.core.backtest;

import dev.canarykit.core.backtest.History.Observation;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.simulation.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replays a Canary's analysis over past releases: at every tick of the Canary's interval it reads from history
 * what the live analysis would have read (every metric at that instant, the counts per version over the
 * interval), then lets each policy's real state machine decide from the same observations.
 *
 * <p><b>What a backtest cannot know.</b> History holds the traffic that history's own decisions produced. Where a
 * policy would have routed other weights (held back, rolled back earlier, promoted later), the observations still
 * show history's split; the backtest never invents the traffic another decision would have produced. A policy
 * still analysing when history's canary stopped serving is left undecided ({@link PolicyRun#historyEnded()}).
 * Webhooks and gates are not called: each is reported as skipped and treated as passing.
 *
 * <pre>{@code
 * History history = PrometheusHistory.builder(source).build();
 * ReleaseBacktest r = Backtest.run(canary, new ReleaseWindow("tuesday", start, end, Label.BAD),
 *     List.of(Policy.FLAGGER, Policy.STATISTICAL), history, Progress.NONE);
 * r.run(Policy.STATISTICAL).decision();   // ROLLED_BACK
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Backtest {
  /** What a backtest's weights are and what it cannot know; reports show it with their results. */
  public static final String LIMITS = "Weights seen are history's: where a policy would have routed other weights "
      + "(held back, rolled back or promoted at another time), its later ticks are still judged on the traffic "
      + "history's own decisions produced; the backtest does not invent the traffic another decision would have "
      + "given. Webhooks and gates were not called (skipped, counted as passing).";

  private Backtest() {}

  /**
   * Replays one window under each policy.
   *
   * @throws BacktestException when history cannot serve the window (see {@link History#check})
   */
  public static ReleaseBacktest run(Canary canary, ReleaseWindow window, List<Policy> policies, History history,
      Progress progress) {
    history.check(canary, window);
    return replay(canary, window, policies, history, progress);
  }

  /**
   * Replays every window under each policy; every window is checked before any is replayed, so a wrong window
   * fails at once.
   *
   * @return one summary per policy, in the order given
   * @throws BacktestException naming every window history cannot serve
   */
  public static List<BacktestSummary> runAll(Canary canary, List<ReleaseWindow> windows, List<Policy> policies,
      History history, Progress progress) {
    List<String> problems = new ArrayList<>();
    for (ReleaseWindow w : windows) {
      try {
        history.check(canary, w);
      } catch (BacktestException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new BacktestException(String.join("\n", problems));
    }
    List<ReleaseBacktest> releases = new ArrayList<>();
    for (ReleaseWindow w : windows) {
      releases.add(replay(canary, w, policies, history, progress));
    }
    return policies.stream().map(p -> new BacktestSummary(p, releases)).toList();
  }

  private static ReleaseBacktest replay(Canary canary, ReleaseWindow window, List<Policy> policies,
      History history, Progress progress) {
    Objects.requireNonNull(progress, "progress == null");
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("no policy to replay");
    }
    Duration interval = canary.spec().analysisOrEmpty().intervalOrDefault();
    List<Instant> ticks = ticks(window, interval);
    List<Observation> observations = new ArrayList<>();
    int lastServed = -1;
    for (Instant t : ticks) {
      Observation o = history.observe(canary, t);
      observations.add(o);
      lastServed = o.canaryServed() ? observations.size() - 1 : lastServed;
      progress.observed(window, observations.size(), ticks.size());
    }
    List<PolicyRun> runs = new ArrayList<>();
    for (Policy p : policies) {
      runs.add(PolicyReplay.replay(p, canary, observations, lastServed));
    }
    return new ReleaseBacktest(window, interval, observations, runs);
  }

  /** The tick times: the window's start, then every {@code interval} up to its end inclusive. */
  static List<Instant> ticks(ReleaseWindow window, Duration interval) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, but was " + interval);
    }
    List<Instant> out = new ArrayList<>();
    for (Instant t = window.start(); !t.isAfter(window.end()); t = t.plus(interval)) {
      out.add(t);
    }
    return out;
  }

  /**
   * Told after each tick of history is observed, for progress on long runs.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Progress {
    /** Reports nothing. */
    Progress NONE = (window, observed, ticks) -> {};

    /**
     * {@code observed} of {@code ticks} ticks of {@code window} have been read from history.
     */
    void observed(ReleaseWindow window, int observed, int ticks);
  }
}
