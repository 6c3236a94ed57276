package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.judge.Source;
import dev.canarykit.core.judge.SourceCounts;
import dev.canarykit.core.judge.VersionCounts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recent traffic of a simulated service, kept as slices of at most 10 seconds so that each metric can look
 * back over its own window (a 30 s P99, a 1 m success rate) and the judge over exactly one analysis interval, per
 * source as Istio's telemetry counts it.
 */
final class TrafficWindow {
  /** Slices are at most this long. */
  static final double MAX_SLICE_SECONDS = 10;
  private static final int KEEP = 400;

  private final Deque<Slice> slices = new ArrayDeque<>();

  void add(double seconds, IntervalCounts counts) {
    slices.addFirst(new Slice(seconds, counts));
    if (slices.size() > KEEP) {
      slices.removeLast();
    }
  }

  /** The per-source sum of the newest slices covering (about) the last {@code seconds}. */
  IntervalCounts last(double seconds) {
    Map<Source, VersionCounts[]> bySource = new TreeMap<>();
    double covered = 0;
    for (Slice s : slices) {
      if (covered >= seconds - 1e-9) {
        break;
      }
      for (SourceCounts c : s.counts.sources()) {
        VersionCounts[] sum = bySource.computeIfAbsent(c.source(),
            k -> new VersionCounts[] {VersionCounts.NONE, VersionCounts.NONE});
        sum[0] = sum[0].plus(c.primary());
        sum[1] = sum[1].plus(c.canary());
      }
      covered += s.seconds;
    }
    List<SourceCounts> out = new ArrayList<>();
    bySource.forEach((source, sum) -> out.add(new SourceCounts(source, sum[0], sum[1])));
    return new IntervalCounts(out);
  }

  private record Slice(double seconds, IntervalCounts counts) {}
}
