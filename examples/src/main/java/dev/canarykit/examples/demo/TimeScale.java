package dev.canarykit.examples.demo;

import dev.canarykit.core.internal.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Divides every duration of the seed's Canary by a factor: the analysis interval, the metric windows, the webhook
 * timeouts, {@code progressDeadlineSeconds} and the load test's {@code hey -z}. Durations are written as whole
 * seconds or whole milliseconds, which both Go and Prometheus parse.
 *
 * @param factor the divisor, at least 1
 */
record TimeScale(int factor) {
  /** The default factor: a 10 s analysis interval and 10 s and 5 s metric windows. */
  public static final int DEFAULT = 6;
  /** The shortest analysis interval the demo runs. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
  /** The shortest metric window: two scrapes of the demo's Prometheus (1 s apart). */
  public static final Duration MIN_WINDOW = Duration.ofSeconds(2);

  private static final Pattern HEY_DURATION = Pattern.compile("(-z\\s+)(\\S+)");

  /**
   * Rewrites the durations of {@code spec} (a Canary's {@code spec} as a mutable tree) in place.
   *
   * @return one line per rewritten value, {@code path: old -> new}
   * @throws IllegalArgumentException naming the value when the factor gives an interval under
   *     {@link #MIN_INTERVAL} or a metric window Prometheus cannot evaluate
   */
  public List<String> rewrite(Map<String, Object> spec) {
    if (factor < 1) {
      throw new IllegalArgumentException("--time-scale must be at least 1, but was " + factor);
    }
    List<String> changes = new ArrayList<>();
    Object deadline = spec.get("progressDeadlineSeconds");
    if (deadline instanceof Number n) {
      int scaled = (int) Math.ceil(n.doubleValue() / factor);
      spec.put("progressDeadlineSeconds", scaled);
      changes.add("progressDeadlineSeconds: " + n + " -> " + scaled);
    }
    Map<String, Object> analysis = Trees.map(spec, "analysis");
    rewriteInterval(analysis, "analysis.interval", changes);
    int i = 0;
    for (Map<String, Object> metric : Trees.list(analysis, "metrics")) {
      rewriteWindow(metric, "analysis.metrics[" + i++ + "].interval", changes);
    }
    i = 0;
    for (Map<String, Object> hook : Trees.list(analysis, "webhooks")) {
      rewriteHook(hook, "analysis.webhooks[" + i++ + "]", changes);
    }
    return changes;
  }

  private void rewriteInterval(Map<String, Object> analysis, String path, List<String> changes) {
    Duration scaled = scaled(analysis, "interval", path, changes);
    if (scaled != null && scaled.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("--time-scale " + factor + " gives " + path + " " + format(scaled)
          + ", under the demo's minimum of 10s");
    }
  }

  private void rewriteWindow(Map<String, Object> metric, String path, List<String> changes) {
    Duration scaled = scaled(metric, "interval", path, changes);
    if (scaled != null && scaled.compareTo(MIN_WINDOW) < 0) {
      throw new IllegalArgumentException("--time-scale " + factor + " gives " + path + " " + format(scaled)
          + ": Prometheus scrapes every 1s and needs a window of at least 2s to compute a rate");
    }
  }

  private void rewriteHook(Map<String, Object> hook, String path, List<String> changes) {
    scaled(hook, "timeout", path + ".timeout", changes);
    Map<String, Object> metadata = Trees.map(hook, "metadata");
    if (metadata.get("cmd") instanceof String cmd) {
      Matcher m = HEY_DURATION.matcher(cmd);
      if (cmd.startsWith("hey ") && m.find()) {
        Duration d = parse(m.group(2), path + ".metadata.cmd -z");
        String next = cmd.substring(0, m.start(2)) + format(divide(d, path + ".metadata.cmd -z"))
            + cmd.substring(m.end(2));
        metadata.put("cmd", next);
        changes.add(path + ".metadata.cmd: " + cmd + " -> " + next);
      }
    }
  }

  private Duration scaled(Map<String, Object> node, String key, String path, List<String> changes) {
    if (!(node.get(key) instanceof String text)) {
      return null;
    }
    Duration scaled = divide(parse(text, path), path);
    node.put(key, format(scaled));
    changes.add(path + ": " + text + " -> " + format(scaled));
    return scaled;
  }

  private Duration divide(Duration d, String path) {
    if (d.toNanos() % factor != 0 || d.dividedBy(factor).toNanos() % 1_000_000 != 0) {
      long millis = (long) Math.ceil(d.toNanos() / 1e6 / factor);
      if (path.contains(".metrics[")) {
        throw new IllegalArgumentException("--time-scale " + factor + " gives " + path + " " + d.toMillis()
            + "ms / " + factor + ", not a whole number of milliseconds, which Prometheus cannot evaluate");
      }
      return Duration.ofMillis(millis);
    }
    return d.dividedBy(factor);
  }

  private static Duration parse(String text, String path) {
    return GoDuration.parse(text).orElseThrow(
        () -> new IllegalArgumentException(path + ": not a duration: '" + text + "'"));
  }

  /** {@code 10s}, {@code 7500ms}: whole seconds, else whole milliseconds. */
  static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
