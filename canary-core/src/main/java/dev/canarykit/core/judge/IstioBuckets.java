package dev.canarykit.core.judge;

import java.util.Arrays;

/** Istio's (Envoy's) default request-duration histogram bucket upper bounds, in milliseconds. */
public final class IstioBuckets {
  private static final double[] EDGES = {0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000,
      300000, 600000, 1800000, 3600000};

  private IstioBuckets() {}

  /** The finite upper bounds ({@code le}), ascending; {@code +Inf} is implied. */
  public static double[] edges() {
    return EDGES.clone();
  }

  /** The number of finite edges. */
  public static int size() {
    return EDGES.length;
  }

  /** The index of {@code edgeMs}, or -1 when it is not an edge. */
  public static int indexOf(double edgeMs) {
    return Arrays.binarySearch(EDGES, edgeMs);
  }

  /** The smallest edge at or above {@code ms} (the last edge when {@code ms} is beyond all). */
  public static double atOrAbove(double ms) {
    for (double e : EDGES) {
      if (e >= ms) {
        return e;
      }
    }
    return EDGES[EDGES.length - 1];
  }

  /** The largest edge at or below {@code ms} (the first edge when {@code ms} is below all). */
  public static double atOrBelow(double ms) {
    double best = EDGES[0];
    for (double e : EDGES) {
      if (e <= ms) {
        best = e;
      }
    }
    return best;
  }
}
