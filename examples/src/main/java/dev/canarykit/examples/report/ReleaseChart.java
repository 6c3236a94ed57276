package dev.canarykit.examples.report;

import java.time.Instant;
import java.util.List;

/**
 * One release as pictures on a shared time axis: the canary weight over time, each metric against its threshold
 * band, the judge's evidence against its bound, and the events.
 *
 * @param title the heading
 * @param notes paragraphs under the heading (what the picture can and cannot say)
 * @param from the start of the time axis
 * @param to the end of the time axis, after {@code from}
 * @param weights weight lines in percent (history's split, each policy's routes)
 * @param metrics one panel per metric
 * @param evidence the judge's combined rollback log e-value, one line per source that judged; empty when no judge ran
 * @param evidenceBound the log e-value at which the judge rolls back (log 1/alpha)
 * @param events every event, in time order
 */
record ReleaseChart(String title, List<String> notes, Instant from, Instant to, List<Line> weights,
    List<MetricPanel> metrics, List<Line> evidence, double evidenceBound, List<Mark> events) {

  public ReleaseChart {
    notes = List.copyOf(notes);
    weights = List.copyOf(weights);
    metrics = List.copyOf(metrics);
    evidence = List.copyOf(evidence);
    events = List.copyOf(events);
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the time axis must end after it starts: " + from + " to " + to);
    }
  }

  /**
   * A value at a time.
   *
   * @param at when
   * @param value the value; NaN leaves a gap
   * @param failed whether the value failed its check (drawn as a warning mark)
   */
  public record Point(Instant at, double value, boolean failed) {
    public static Point of(Instant at, double value) {
      return new Point(at, value, false);
    }
  }

  /**
   * A series.
   *
   * @param name its name in the legend
   * @param points its points in time order
   * @param steps whether it holds each value until the next point (weights set at ticks)
   */
  public record Line(String name, List<Point> points, boolean steps) {
    public Line {
      points = List.copyOf(points);
    }
  }

  /**
   * One metric against its thresholds.
   *
   * @param name the metric
   * @param min the lowest passing value, or {@code null}
   * @param max the highest passing value, or {@code null}
   * @param line its values
   */
  public record MetricPanel(String name, Double min, Double max, Line line) {}

  /**
   * An event.
   *
   * @param at when
   * @param source who emitted it (a policy, or the live controller)
   * @param warning whether it is a Warning event
   * @param message its text
   */
  public record Mark(Instant at, String source, boolean warning, String message) {}
}
