package dev.canarykit.examples.report;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.internal.MetricThresholds;
import dev.canarykit.core.judge.JudgeState;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.examples.report.ReleaseChart.Line;
import dev.canarykit.examples.report.ReleaseChart.Mark;
import dev.canarykit.examples.report.ReleaseChart.MetricPanel;
import dev.canarykit.examples.report.ReleaseChart.Point;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture of a release a controller ran, from its tick reports: the weight it set, each metric's value when
 * it was checked, the judge's evidence when a judge ran, and every event (the {@code demo --report} page).
 */
public final class LiveReport {
  private LiveReport() {}

  /**
   * The page for one Canary's ticks, in order (at least one).
   *
   * @param notes paragraphs under the heading
   */
  public static String html(String title, List<String> notes, List<TickReport> ticks) {
    return ReportHtml.page(title, List.of(), List.of(chart(ticks, notes)));
  }

  static ReleaseChart chart(List<TickReport> ticks, List<String> notes) {
    Canary canary = ticks.get(ticks.size() - 1).canary();
    Instant from = ticks.get(0).now();
    Instant last = ticks.get(ticks.size() - 1).now();
    Instant to = last.isAfter(from) ? last : from.plusSeconds(1);
    List<Point> weights = ticks.stream().filter(t -> t.finalStatus() != null)
        .map(t -> Point.of(t.now(), t.finalStatus().canaryWeight())).toList();
    List<MetricPanel> metrics = canary.spec().analysisOrEmpty().metrics().stream().map(m -> metric(m, ticks)).toList();
    List<Line> evidence = new ArrayList<>();
    double bound = Double.NaN;
    if (canary.spec().judge() != null) {
      bound = Math.log(1 / canary.spec().judge().alpha());
      evidence.add(new Line("judge", judged(ticks), false));
    }
    List<Mark> marks = new ArrayList<>();
    for (TickReport t : ticks) {
      for (CanaryEvent e : t.events()) {
        marks.add(new Mark(t.now(), "controller", e.level() != CanaryEvent.Level.INFO, e.message()));
      }
    }
    return new ReleaseChart(canary.qualifiedName(), notes, from, to, List.of(new Line("canary weight", weights,
        true)), metrics, evidence, bound, marks);
  }

  private static MetricPanel metric(MetricSpec m, List<TickReport> ticks) {
    List<Point> points = new ArrayList<>();
    for (TickReport t : ticks) {
      for (TickReport.Execution x : t.executions()) {
        if (x.command() instanceof Command.QueryMetric q && q.metric().name().equals(m.name())
            && x.outcome() instanceof Outcome.MetricValue v) {
          points.add(new Point(t.now(), v.value(), !MetricThresholds.passes(m, v.value())));
        }
      }
    }
    ThresholdRange band = MetricThresholds.range(m);
    return new MetricPanel(m.name(), band.min(), band.max(), new Line(m.name(), points, false));
  }

  /** The combined rollback evidence after each tick that judged an interval. */
  private static List<Point> judged(List<TickReport> ticks) {
    List<Point> points = new ArrayList<>();
    int intervals = 0;
    for (TickReport t : ticks) {
      JudgeState s = t.finalStatus() == null ? null : t.finalStatus().judge();
      if (s != null && s.intervals() != intervals) {
        intervals = s.intervals();
        points.add(Point.of(t.now(), s.rollbackLogE()));
      }
    }
    return points;
  }
}
