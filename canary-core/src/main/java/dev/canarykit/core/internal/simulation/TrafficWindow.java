package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.judge.IstioBuckets;
import dev.canarykit.core.judge.VersionCounts;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The recent traffic of a simulated service, kept as 10-second slices so that each metric can look back over
 * its own window (a 30 s P99, a 1 m success rate) and the judge over exactly one analysis interval.
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

  /** The sum of the newest slices covering (about) the last {@code seconds}. */
  IntervalCounts last(double seconds) {
    VersionCounts p = VersionCountsSum.ZERO;
    VersionCounts c = VersionCountsSum.ZERO;
    double covered = 0;
    for (Slice s : slices) {
      if (covered >= seconds - 1e-9) {
        break;
      }
      p = VersionCountsSum.plus(p, s.counts.primary());
      c = VersionCountsSum.plus(c, s.counts.canary());
      covered += s.seconds;
    }
    return new IntervalCounts(p, c);
  }

  private record Slice(double seconds, IntervalCounts counts) {}

  /** Sums of counts. */
  static final class VersionCountsSum {
    static final VersionCounts ZERO = new VersionCounts(0, 0, new double[IstioBuckets.size()]);

    private VersionCountsSum() {}

    static VersionCounts plus(VersionCounts a, VersionCounts b) {
      double[] buckets = new double[IstioBuckets.size()];
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = a.cumulativeBuckets()[i] + (b.hasLatency() ? b.cumulativeBuckets()[i] : 0);
      }
      return new VersionCounts(a.requests() + b.requests(), a.failures() + b.failures(), buckets);
    }
  }
}
