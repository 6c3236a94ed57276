package dev.canarykit.prometheus;

import java.util.List;
import java.util.Map;

/** The answer to an instant query read as labelled samples (a vector), or why it could not be read. */
sealed interface VectorResult {

  /**
   * The series Prometheus returned (possibly none).
   *
   * @param series every series, in Prometheus' order
   */
  record Vector(List<Sample> series) implements VectorResult {
    public Vector {
      series = List.copyOf(series);
    }
  }

  /**
   * The query failed or the answer was not a vector.
   *
   * @param message what went wrong (never a credential)
   */
  record Error(String message) implements VectorResult {}

  /**
   * One series' sample.
   *
   * @param labels its labels
   * @param value its value ({@code NaN} and infinities included)
   */
  record Sample(Map<String, String> labels, double value) {
    public Sample {
      labels = Map.copyOf(labels);
    }
  }
}
