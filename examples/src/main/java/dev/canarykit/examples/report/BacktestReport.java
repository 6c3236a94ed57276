package dev.canarykit.examples.report;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.backtest.Backtest;
import dev.canarykit.core.backtest.BacktestSummary;
import dev.canarykit.core.backtest.History.Observation;
import dev.canarykit.core.backtest.PolicyRun;
import dev.canarykit.core.backtest.PolicyRun.TickRecord;
import dev.canarykit.core.backtest.ReleaseBacktest;
import dev.canarykit.core.internal.MetricThresholds;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.examples.report.ReleaseChart.Line;
import dev.canarykit.examples.report.ReleaseChart.Mark;
import dev.canarykit.examples.report.ReleaseChart.MetricPanel;
import dev.canarykit.examples.report.ReleaseChart.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code backtest --report} page: per release, history's split and the weights each policy would have routed,
 * each metric as history holds it against its threshold band, the judge's evidence against its bound, and every
 * policy's events.
 */
public final class BacktestReport {
  private BacktestReport() {}

  /** The page for every release of {@code summaries} (one summary per policy, over the same releases). */
  public static String html(Canary canary, List<BacktestSummary> summaries) {
    List<String> intro = new ArrayList<>();
    intro.add("Canary " + canary.qualifiedName() + ", policies " + String.join(", ", summaries.stream()
        .map(s -> s.policy().wireName()).toList()) + ".");
    intro.add(Backtest.LIMITS);
    boolean labelled = summaries.get(0).releases().stream().anyMatch(r -> r.window().verdict().isPresent());
    for (BacktestSummary s : labelled ? summaries : List.<BacktestSummary>of()) {
      intro.add(String.format(Locale.ROOT, "%s: false rollbacks %s, missed regressions %s, undecided %s, median "
          + "minutes to roll back a regression %s (over labelled releases).", s.policy().wireName(),
          figure(s.falseRollbackRate()), figure(s.missedRegressionRate()), figure(s.undecidedRate()),
          figure(s.medianMinutesToRollbackOfRegressions())));
    }
    List<ReleaseChart> charts = summaries.get(0).releases().stream().map(r -> chart(canary, r)).toList();
    return ReportHtml.page("Backtest of " + canary.qualifiedName(), intro, charts);
  }

  static ReleaseChart chart(Canary canary, ReleaseBacktest r) {
    List<Line> weights = new ArrayList<>();
    weights.add(new Line("seen in history", r.observations().stream()
        .map(o -> Point.of(o.at(), o.weightSeen().orElse(Double.NaN))).toList(), false));
    r.runs().forEach(run -> weights.add(new Line(run.policy().wireName() + " would route",
        run.ticks().stream().map(t -> Point.of(t.at(), t.canaryWeight())).toList(), true)));
    List<MetricPanel> metrics = canary.spec().analysisOrEmpty().metrics().stream()
        .map(m -> metric(m, r.observations())).toList();
    List<Line> evidence = new ArrayList<>();
    double bound = Math.log(1 / JudgeConfig.forCanary(canary.spec()).alpha());
    for (PolicyRun run : r.runs()) {
      List<Point> points = run.ticks().stream().filter(t -> t.judgement() != null)
          .map(t -> Point.of(t.at(), t.judgement().rollbackLogE())).toList();
      if (!points.isEmpty()) {
        evidence.add(new Line(run.policy().wireName(), points, false));
        bound = run.ticks().stream().filter(t -> t.judgement() != null).findFirst().orElseThrow().judgement()
            .rollbackBound();
      }
    }
    return new ReleaseChart(r.window().name(), notes(r), r.window().start(), r.window().end(), weights, metrics,
        evidence, bound, events(r));
  }

  private static MetricPanel metric(MetricSpec m, List<Observation> observations) {
    List<Point> points = new ArrayList<>();
    for (Observation o : observations) {
      Outcome.MetricResult v = o.metrics().get(m.name());
      points.add(v instanceof Outcome.MetricValue mv
          ? new Point(o.at(), mv.value(), !MetricThresholds.passes(m, mv.value()))
          : Point.of(o.at(), Double.NaN));
    }
    ThresholdRange band = MetricThresholds.range(m);
    return new MetricPanel(m.name(), band.min(), band.max(), new Line(m.name(), points, false));
  }

  private static List<String> notes(ReleaseBacktest r) {
    List<String> notes = new ArrayList<>();
    notes.add(r.window().start() + " to " + r.window().end() + ", every " + r.interval().toString().substring(2)
        .toLowerCase(Locale.ROOT) + r.window().verdict().map(v -> ", labelled " + v.wireName()).orElse(""));
    for (PolicyRun run : r.runs()) {
      String decided = run.minutesToDecision().isPresent()
          ? " after " + figure(run.minutesToDecision().getAsDouble()) + " min" : "";
      String ended = run.historyEnded() != null ? " (history's canary served nothing from " + run.historyEnded()
          + " on)" : "";
      String label = r.window().verdict().isPresent() ? (r.disagrees(run) ? ": disagrees with the label"
          : ": agrees with the label") : "";
      notes.add(run.policy().wireName() + ": " + decision(run) + decided + ended + label);
    }
    return notes;
  }

  private static String decision(PolicyRun run) {
    switch (run.decision()) {
      case ROLLED_BACK: return "rolled back";
      case PROMOTED: return "promoted";
      default: return "undecided";
    }
  }

  private static List<Mark> events(ReleaseBacktest r) {
    List<Mark> marks = new ArrayList<>();
    for (PolicyRun run : r.runs()) {
      for (TickRecord t : run.ticks()) {
        for (CanaryEvent e : t.events()) {
          marks.add(new Mark(t.at(), run.policy().wireName(), e.level() != CanaryEvent.Level.INFO, e.message()));
        }
      }
      if (run.historyEnded() != null) {
        marks.add(new Mark(run.historyEnded(), run.policy().wireName(), false,
            "history's canary served nothing from here on: what this policy would have decided is not known"));
      }
    }
    marks.sort(java.util.Comparator.comparing(Mark::at));
    return marks;
  }

  private static String figure(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
  }
}
