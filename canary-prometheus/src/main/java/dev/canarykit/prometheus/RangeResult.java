package dev.canarykit.prometheus;

import java.util.List;
import java.util.Map;

/** The answer to a {@link RangeQuery}: series, or why there are none. */
sealed interface RangeResult {

  /**
   * The series Prometheus returned (possibly none).
   *
   * @param series every series, in Prometheus' order
   */
  record Matrix(List<Series> series) implements RangeResult {
    public Matrix {
      series = List.copyOf(series);
    }
  }

  /**
   * The query failed.
   *
   * @param message what went wrong (never a credential)
   */
  record Error(String message) implements RangeResult {}

  /**
   * One series.
   *
   * @param labels its labels, {@code __name__} included when present
   * @param samples its samples in time order
   */
  record Series(Map<String, String> labels, List<Sample> samples) {
    public Series {
      labels = Map.copyOf(labels);
      samples = List.copyOf(samples);
    }
  }

  /**
   * One sample.
   *
   * @param epochMillis its time, milliseconds since the epoch
   * @param value its value ({@code NaN} and infinities included)
   */
  record Sample(long epochMillis, double value) {}
}
