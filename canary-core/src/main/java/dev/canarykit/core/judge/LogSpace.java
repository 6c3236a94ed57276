package dev.canarykit.core.judge;

/** Numerics in log space: log-spaced grids and a stable log-sum-exp. */
final class LogSpace {
  private LogSpace() {}

  /** {@code k} points from {@code lo} to {@code hi}, evenly spaced on a log scale (both ends included). */
  static double[] grid(double lo, double hi, int k) {
    double[] g = new double[k];
    double step = k == 1 ? 0 : Math.log(hi / lo) / (k - 1);
    for (int i = 0; i < k; i++) {
      g[i] = lo * Math.exp(step * i);
    }
    return g;
  }

  /** {@code log(mean(exp(x)))}: the log of an equally weighted mixture. */
  static double logMeanExp(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double v : x) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum / x.length);
  }
}
