package dev.canarykit.examples.cli;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.backtest.Backtest;
import dev.canarykit.core.backtest.BacktestSummary;
import dev.canarykit.core.backtest.History.Observation;
import dev.canarykit.core.backtest.PolicyRun;
import dev.canarykit.core.backtest.PolicyRun.TickRecord;
import dev.canarykit.core.backtest.ReleaseBacktest;
import dev.canarykit.core.internal.GoDuration;
import dev.canarykit.core.internal.MetricThresholds;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.simulation.RunResult.End;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The {@code backtest} command's human-readable output: per release, one line per tick per policy (time, the
 * weight history served and the weight the policy would have set, each metric's value and verdict, the judge's
 * verdict and evidence, the phase and events), then each policy's result; at the end one summary line per policy.
 */
final class BacktestText {
  /** Weights further apart than this (percentage points) are marked {@code *}. */
  static final double DIVERGENCE = 5;

  private final PrintWriter out;
  private final Canary canary;

  BacktestText(PrintWriter out, Canary canary) {
    this.out = out;
    this.canary = canary;
  }

  /** A Go duration without trailing zero units: {@code 1m}, {@code 1h30m}, {@code 45s}. */
  private static String shortDuration(java.time.Duration d) {
    return GoDuration.format(d).replaceFirst("(?<=[hm])0s$", "").replaceFirst("(?<=h)0m$", "");
  }

  void header(String prometheus, List<String> policies) {
    out.println("BACKTEST " + canary.qualifiedName() + " every "
        + shortDuration(canary.spec().analysisOrEmpty().intervalOrDefault())
        + " against " + prometheus + ", policies " + String.join(", ", policies));
    out.println("NOTE " + Backtest.LIMITS);
  }

  void release(ReleaseBacktest r) {
    out.println();
    out.println("RELEASE " + r.window().name() + " " + r.window().start() + " to " + r.window().end() + " ("
        + r.window().verdict().map(v -> "labelled " + v.wireName()).orElse("unlabelled") + ", "
        + r.observations().size() + " ticks)");
    for (int k = 0; k < r.observations().size(); k++) {
      for (PolicyRun run : r.runs()) {
        if (k < run.ticks().size()) {
          out.println(tickLine(run, k, r.observations().get(k)));
        }
      }
    }
    r.runs().forEach(run -> result(r, run));
  }

  private String tickLine(PolicyRun run, int k, Observation o) {
    TickRecord t = run.ticks().get(k);
    int routed = k == 0 ? 0 : run.ticks().get(k - 1).canaryWeight();
    OptionalDouble seen = o.weightSeen();
    boolean diverged = seen.isPresent() && Math.abs(seen.getAsDouble() - routed) > DIVERGENCE;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %-11s %s  seen %s  policy %3d%%%s",
        run.policy().wireName(), t.at().truncatedTo(ChronoUnit.SECONDS), seen.isPresent() ? String.format(Locale.ROOT, "%5.1f%%",
            seen.getAsDouble()) : "    -", routed, diverged ? "*" : " "));
    for (MetricSpec m : canary.spec().analysisOrEmpty().metrics()) {
      s.append("  ").append(m.name()).append(' ').append(metric(m, o.metrics().get(m.name())));
    }
    if (t.judgement() != null) {
      s.append("  judge ").append(t.judgement().summary());
    }
    s.append("  | ").append(t.phase().wireName());
    if (!t.events().isEmpty()) {
      s.append(": ").append(t.events().stream().map(CanaryEvent::message).collect(Collectors.joining("; ")));
    }
    return s.toString();
  }

  /** A metric's value and verdict: {@code 99.50 pass}, {@code 812.00 FAIL}, {@code nodata} or {@code error}. */
  static String metric(MetricSpec m, Outcome.MetricResult r) {
    if (r instanceof Outcome.MetricValue v) {
      return String.format(Locale.ROOT, "%.2f %s", v.value(), MetricThresholds.passes(m, v.value()) ? "pass" : "FAIL");
    }
    return r instanceof Outcome.NoData ? "nodata" : "error";
  }

  private void result(ReleaseBacktest r, PolicyRun run) {
    String head = String.format(Locale.ROOT, "  %-11s RESULT ", run.policy().wireName());
    String label = r.window().verdict().map(v -> " (labelled " + v.wireName() + ": "
        + (r.disagrees(run) ? "DISAGREES" : "agrees") + ")").orElse("");
    if (run.decision() == End.UNDECIDED) {
      String why = run.historyEnded() != null ? ": history's canary served nothing from "
          + run.historyEnded().truncatedTo(ChronoUnit.SECONDS)
          + " on while " + run.policy().wireName() + " was still analysing; what it would have decided later is "
          + "not known" : " by the window's end";
      out.println(head + "undecided" + why + label);
      return;
    }
    StringBuilder s = new StringBuilder(head).append(BacktestJson.decision(run.decision())).append(" at ")
        .append(run.decidedAt().truncatedTo(ChronoUnit.SECONDS)).append(" after ").append(minutes(run.minutesToDecision())).append(" min");
    if (run.firstFailedCheck() != null) {
      s.append(" (first failed check after ").append(minutes(run.firstFailedCheckMinutes())).append(" min)");
    }
    out.println(s.append(label));
  }

  void summary(List<BacktestSummary> summaries) {
    out.println();
    for (BacktestSummary s : summaries) {
      out.println(String.format(Locale.ROOT, "SUMMARY %-11s releases %d  falseRollbackRate %s  "
          + "missedRegressionRate %s  undecidedRate %s  medianMinutesToRollbackOfRegressions %s",
          s.policy().wireName(), s.releases().size(), BacktestJson.number(s.falseRollbackRate()),
          BacktestJson.number(s.missedRegressionRate()), BacktestJson.number(s.undecidedRate()),
          BacktestJson.number(s.medianMinutesToRollbackOfRegressions())));
    }
  }

  private static String minutes(OptionalDouble m) {
    return BacktestJson.number(m.orElse(Double.NaN));
  }
}
