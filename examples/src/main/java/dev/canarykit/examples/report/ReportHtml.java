package dev.canarykit.examples.report;

import dev.canarykit.examples.report.ReleaseChart.Line;
import dev.canarykit.examples.report.ReleaseChart.Mark;
import dev.canarykit.examples.report.ReleaseChart.MetricPanel;
import dev.canarykit.examples.report.ReleaseChart.Point;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders release charts as one self-contained page: well-formed XHTML with inline SVG and CSS, no script and
 * nothing fetched, readable on screen and printable (one release per page, panels never split).
 */
final class ReportHtml {
  private static final int PANEL_HEIGHT = 150;
  private static final int LANE_HEIGHT = 22;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneOffset.UTC);
  private static final String CSS = String.join("\n",
      "body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;margin:24px auto;"
          + "max-width:1000px;padding:0 16px}",
      "h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 4px;border-bottom:1px solid #ccc}",
      "p.note{color:#555;margin:4px 0}figure{margin:14px 0}figcaption{font-weight:600;margin-bottom:2px}",
      "svg.chart{width:100%;height:auto;display:block}svg text{font-size:11px;fill:#444}",
      ".axis line{stroke:#999}.axis .grid{stroke:#e5e5e5}.axis .tick{stroke:#eee}",
      ".band{fill:#2ca02c;fill-opacity:.09}.threshold{stroke:#2ca02c;stroke-dasharray:5 4}",
      ".bound{stroke:#d62728;stroke-dasharray:5 4}",
      ".series{fill:none;stroke-width:2}.c0{stroke:#1f77b4}.c1{stroke:#ff7f0e}.c2{stroke:#9467bd}.c3{stroke:#8c564b}",
      ".c4{stroke:#17becf}.failed{fill:#d62728}.dot{stroke:none}.dot.c0{fill:#1f77b4}.dot.c1{fill:#ff7f0e}"
          + ".dot.c2{fill:#9467bd}.dot.c3{fill:#8c564b}.dot.c4{fill:#17becf}",
      ".event line{stroke:#1f77b4}.event circle{fill:#1f77b4}.event.warning line{stroke:#d62728}",
      ".event.warning circle{fill:#d62728}.lane{fill:#f6f6f6}",
      "ul.legend{list-style:none;display:inline;margin:0 0 0 12px;padding:0;font-weight:400}",
      "ul.legend li{display:inline;margin-right:14px}ul.legend span{display:inline-block;width:18px;height:3px;"
          + "vertical-align:middle;margin-right:4px}",
      ".s0{background:#1f77b4}.s1{background:#ff7f0e}.s2{background:#9467bd}.s3{background:#8c564b}"
          + ".s4{background:#17becf}",
      "table.events{border-collapse:collapse;width:100%;font-size:12px}table.events td,table.events th{"
          + "text-align:left;padding:2px 6px;border-bottom:1px solid #eee;vertical-align:top}",
      "tr.warning td{color:#a01818}td.time{white-space:nowrap}",
      "@media print{body{margin:0;max-width:none}section.release{break-before:page}"
          + "section.release:first-of-type{break-before:auto}figure,tr{break-inside:avoid}}");

  private ReportHtml() {}

  /** The whole page. */
  public static String page(String title, List<String> intro, List<ReleaseChart> charts) {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
        + "<head><meta charset=\"utf-8\"/><title>").append(Html.escape(title)).append("</title><style>")
        .append(CSS).append("</style></head><body><header><h1>").append(Html.escape(title)).append("</h1>");
    intro.forEach(p -> out.append("<p class=\"note\">").append(Html.escape(p)).append("</p>"));
    out.append("</header>");
    charts.forEach(c -> section(out, c));
    return out.append("</body></html>\n").toString();
  }

  private static void section(StringBuilder out, ReleaseChart c) {
    out.append("<section class=\"release\"><h2>").append(Html.escape(c.title())).append("</h2>");
    c.notes().forEach(p -> out.append("<p class=\"note\">").append(Html.escape(p)).append("</p>"));
    figure(out, "weights", "Canary weight (%)", c.weights(), new Svg("weights", c.from(), c.to(), PANEL_HEIGHT, 0,
        100).valueAxis("").timeAxis(), c.weights());
    for (MetricPanel m : c.metrics()) {
      double[] range = range(m);
      Svg svg = new Svg("metric", c.from(), c.to(), PANEL_HEIGHT, range[0], range[1]).valueAxis("").band(m.min(),
          m.max()).timeAxis();
      figure(out, "metric", m.name() + bandText(m), List.of(m.line()), svg, List.of(m.line()));
    }
    if (!c.evidence().isEmpty()) {
      double[] range = evidenceRange(c);
      Svg svg = new Svg("evidence", c.from(), c.to(), PANEL_HEIGHT, range[0], range[1]).valueAxis("")
          .horizontal("bound", c.evidenceBound()).timeAxis();
      figure(out, "evidence", "Judge's rollback evidence, log e-value (rolls back at the dashed bound "
          + Svg.n(c.evidenceBound()) + ")", c.evidence(), svg, c.evidence());
    }
    events(out, c);
    out.append("</section>");
  }

  private static void figure(StringBuilder out, String kind, String caption, List<Line> legend, Svg svg,
      List<Line> lines) {
    for (int i = 0; i < lines.size(); i++) {
      svg.line(lines.get(i), i % 5);
    }
    out.append("<figure class=\"panel ").append(kind).append("\"><figcaption>").append(Html.escape(caption))
        .append("<ul class=\"legend\">");
    for (int i = 0; i < legend.size(); i++) {
      out.append("<li><span class=\"s").append(i % 5).append("\"></span>").append(Html.escape(legend.get(i).name()))
          .append("</li>");
    }
    out.append("</ul></figcaption>").append(svg.end()).append("</figure>");
  }

  private static String bandText(MetricPanel m) {
    String min = m.min() == null ? "" : "min " + Svg.n(m.min());
    String max = m.max() == null ? "" : "max " + Svg.n(m.max());
    String both = String.join(", ", List.of(min, max).stream().filter(s -> !s.isEmpty()).toList());
    return both.isEmpty() ? "" : " (passes: " + both + ")";
  }

  /** The value range of a metric panel: its values and its band, with a margin. */
  private static double[] range(MetricPanel m) {
    List<Double> values = new ArrayList<>();
    m.line().points().stream().map(Point::value).filter(v -> !v.isNaN() && !v.isInfinite()).forEach(values::add);
    values.add(m.min());
    values.add(m.max());
    return padded(values.stream().filter(Objects::nonNull).toList());
  }

  private static double[] evidenceRange(ReleaseChart c) {
    List<Double> values = new ArrayList<>(List.of(0.0, c.evidenceBound()));
    c.evidence().forEach(l -> l.points().stream().map(Point::value).filter(v -> !v.isNaN() && !v.isInfinite())
        .forEach(values::add));
    return padded(values);
  }

  private static double[] padded(List<Double> values) {
    double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double pad = hi > lo ? (hi - lo) * 0.1 : Math.max(1, Math.abs(hi) * 0.1);
    return new double[] {lo - pad, hi + pad};
  }

  private static void events(StringBuilder out, ReleaseChart c) {
    List<String> sources = c.events().stream().map(Mark::source).distinct().toList();
    int height = Svg.TOP + Svg.BOTTOM + Math.max(1, sources.size()) * LANE_HEIGHT;
    Svg svg = new Svg("events", c.from(), c.to(), height, 0, 1);
    for (int i = 0; i < sources.size(); i++) {
      double top = Svg.TOP + i * LANE_HEIGHT;
      svg.raw("<rect class=\"lane\" x=\"" + Svg.LEFT + "\" y=\"" + Svg.n(top + 2) + "\" width=\""
          + (Svg.WIDTH - Svg.LEFT - Svg.RIGHT) + "\" height=\"" + (LANE_HEIGHT - 4) + "\"/><text x=\""
          + (Svg.LEFT - 6) + "\" y=\"" + Svg.n(top + LANE_HEIGHT / 2.0 + 4) + "\" text-anchor=\"end\">"
          + Html.escape(sources.get(i)) + "</text>");
    }
    for (Mark m : c.events()) {
      double top = Svg.TOP + sources.indexOf(m.source()) * LANE_HEIGHT;
      String x = Svg.n(svg.x(m.at()));
      svg.raw("<g class=\"event" + (m.warning() ? " warning" : "") + "\" data-source=\"" + Html.escape(m.source())
          + "\"><line x1=\"" + x + "\" y1=\"" + Svg.n(top + 3) + "\" x2=\"" + x + "\" y2=\"" + Svg.n(top
          + LANE_HEIGHT - 3) + "\"/><circle cx=\"" + x + "\" cy=\"" + Svg.n(top + LANE_HEIGHT / 2.0)
          + "\" r=\"3\"/><title>" + Html.escape(TIME.format(m.at()) + " " + m.source() + ": " + m.message())
          + "</title></g>");
    }
    out.append("<figure class=\"panel events\"><figcaption>Events</figcaption>").append(svg.timeAxis().end())
        .append("</figure><table class=\"events\"><thead><tr><th>Time (UTC)</th><th>Source</th><th>Type</th>"
            + "<th>Message</th></tr></thead><tbody>");
    for (Mark m : c.events()) {
      out.append("<tr class=\"").append(m.warning() ? "warning" : "normal").append("\"><td class=\"time\">")
          .append(TIME.format(m.at())).append("</td><td>").append(Html.escape(m.source())).append("</td><td>")
          .append(m.warning() ? "Warning" : "Normal").append("</td><td>").append(Html.escape(m.message()))
          .append("</td></tr>");
    }
    out.append("</tbody></table>");
  }
}
