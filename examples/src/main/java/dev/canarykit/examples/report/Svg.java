package dev.canarykit.examples.report;

import dev.canarykit.examples.report.ReleaseChart.Line;
import dev.canarykit.examples.report.ReleaseChart.Point;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One SVG panel of a release chart: a time axis shared by every panel of the release (same pixels for the same
 * instant), a value axis, and paths. Builds markup only; {@link ReportHtml} assembles the page.
 */
final class Svg {
  static final int WIDTH = 960;
  static final int LEFT = 64;
  static final int RIGHT = 16;
  static final int TOP = 12;
  static final int BOTTOM = 30;
  private static final long[] STEPS_SECONDS = {5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
      43200, 86400};
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private final StringBuilder out = new StringBuilder();
  private final Instant from;
  private final Instant to;
  private final int height;
  private final double lo;
  private final double hi;

  /** A panel {@code height} pixels high showing values from {@code lo} to {@code hi}. */
  Svg(String kind, Instant from, Instant to, int height, double lo, double hi) {
    this.from = from;
    this.to = to;
    this.height = height;
    this.lo = lo;
    this.hi = hi > lo ? hi : lo + 1;
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(kind)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\">");
  }

  double x(Instant t) {
    double span = Duration.between(from, to).toMillis();
    return LEFT + Duration.between(from, t).toMillis() / span * (WIDTH - LEFT - RIGHT);
  }

  double y(double v) {
    double clamped = Math.max(lo, Math.min(hi, v));
    return TOP + (1 - (clamped - lo) / (hi - lo)) * (height - TOP - BOTTOM);
  }

  Svg timeAxis() {
    long step = step();
    double base = height - BOTTOM;
    out.append("<g class=\"axis x\"><line x1=\"").append(LEFT).append("\" y1=\"").append(n(base)).append("\" x2=\"")
        .append(WIDTH - RIGHT).append("\" y2=\"").append(n(base)).append("\"/>");
    long first = Math.floorDiv(from.getEpochSecond() + step - 1, step) * step;
    for (long s = first; s <= to.getEpochSecond(); s += step) {
      Instant t = Instant.ofEpochSecond(s);
      String label = (step < 60 ? SECONDS : MINUTES).format(t);
      out.append("<line class=\"tick\" x1=\"").append(n(x(t))).append("\" y1=\"").append(n(TOP))
          .append("\" x2=\"").append(n(x(t))).append("\" y2=\"").append(n(base + 4)).append("\"/>")
          .append("<text x=\"").append(n(x(t))).append("\" y=\"").append(n(base + 18))
          .append("\" text-anchor=\"").append(anchor(x(t))).append("\">").append(label).append("</text>");
    }
    out.append("</g>");
    return this;
  }

  /** Labels near an edge are anchored inside the panel, so that none is cut off. */
  private static String anchor(double x) {
    return x > WIDTH - RIGHT - 24 ? "end" : x < LEFT + 24 ? "start" : "middle";
  }

  private long step() {
    long span = Math.max(1, Duration.between(from, to).toSeconds());
    for (long s : STEPS_SECONDS) {
      if (span / s <= 8) {
        return s;
      }
    }
    return STEPS_SECONDS[STEPS_SECONDS.length - 1] * (span / (8 * STEPS_SECONDS[STEPS_SECONDS.length - 1]) + 1);
  }

  Svg valueAxis(String unit) {
    double step = nice((hi - lo) / 4);
    out.append("<g class=\"axis y\">");
    for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
      out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(n(y(v))).append("\" x2=\"")
          .append(WIDTH - RIGHT).append("\" y2=\"").append(n(y(v))).append("\"/><text x=\"").append(LEFT - 6)
          .append("\" y=\"").append(n(y(v) + 4)).append("\" text-anchor=\"end\">").append(label(v, step))
          .append(unit).append("</text>");
    }
    out.append("</g>");
    return this;
  }

  /** The pass band between {@code min} and {@code max} (either may be unset), with its edges. */
  Svg band(Double min, Double max) {
    double top = y(max == null ? hi : max);
    double bottom = y(min == null ? lo : min);
    out.append("<rect class=\"band\" x=\"").append(LEFT).append("\" y=\"").append(n(top)).append("\" width=\"")
        .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(n(Math.max(0, bottom - top))).append("\"/>");
    for (Double edge : new Double[] {min, max}) {
      if (edge != null) {
        horizontal("threshold", edge);
      }
    }
    return this;
  }

  /** A dashed horizontal line at {@code v}. */
  Svg horizontal(String kind, double v) {
    out.append("<line class=\"").append(kind).append("\" x1=\"").append(LEFT).append("\" y1=\"").append(n(y(v)))
        .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(n(y(v))).append("\"/>");
    return this;
  }

  /** A series as one path (gaps where a value is NaN), with a mark on each failed value. */
  Svg line(Line line, int color) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    double lastY = 0;
    for (Point p : line.points()) {
      if (Double.isNaN(p.value())) {
        pen = false;
        continue;
      }
      double px = x(p.at());
      double py = y(p.value());
      if (pen && line.steps()) {
        d.append(" L").append(n(px)).append(' ').append(n(lastY));
      }
      d.append(pen ? " L" : " M").append(n(px)).append(' ').append(n(py));
      pen = true;
      lastY = py;
    }
    if (pen && line.steps()) {
      d.append(" L").append(n(x(to))).append(' ').append(n(lastY));
    }
    out.append("<path class=\"series c").append(color).append("\" data-series=\"").append(Html.escape(line.name()))
        .append("\" d=\"").append(d.toString().trim()).append("\"/>");
    for (Point p : line.points()) {
      if (!line.steps() && !p.failed() && !Double.isNaN(p.value())) {
        out.append("<circle class=\"dot c").append(color).append("\" cx=\"").append(n(x(p.at()))).append("\" cy=\"")
            .append(n(y(p.value()))).append("\" r=\"2.5\"/>");
      }
      if (p.failed() && !Double.isNaN(p.value())) {
        out.append("<circle class=\"failed\" cx=\"").append(n(x(p.at()))).append("\" cy=\"").append(n(y(p.value())))
            .append("\" r=\"3\"><title>").append(Html.escape(line.name() + " failed at " + p.at() + ": "
                + label(p.value(), 0.01))).append("</title></circle>");
      }
    }
    return this;
  }

  /** Raw markup inside the panel. */
  Svg raw(String markup) {
    out.append(markup);
    return this;
  }

  String end() {
    return out.append("</svg>").toString();
  }

  /** A number for coordinates. */
  static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String label(double v, double step) {
    if (Math.abs(v) < step * 1e-6) {
      return "0";
    }
    int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double nice(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
