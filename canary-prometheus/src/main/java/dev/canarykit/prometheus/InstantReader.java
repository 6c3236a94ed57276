package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import dev.canarykit.core.analysis.Outcome.MetricValue;
import dev.canarykit.core.analysis.Outcome.NoData;

/**
 * Reads a metric's instant-query answer: only an instant vector is read, as Flagger does. One series is its value
 * (the core machine decides whether the value is possible for the metric: {@code +Inf} is returned as it came); an
 * empty vector or {@code NaN} is no data (Flagger's {@code no values found}); several series, a matrix, a scalar,
 * a string and anything that is not Prometheus' JSON are errors.
 */
final class InstantReader {
  /** Flagger's {@code ErrNoValuesFound} text. */
  static final String NO_VALUES_FOUND = "no values found";
  private static final String MATRIX = "query returned a range vector (matrix); expected an instant vector";

  private InstantReader() {}

  /** The outcome of an HTTP answer with {@code status} and the first {@code length} bytes of {@code body}. */
  static MetricResult read(int status, byte[] body, int length) {
    return Envelope.read(status, body, length, false, InstantReader::interpret, InstantReader::error);
  }

  private static MetricResult interpret(Envelope e) {
    if (e.prometheusError() != null) {
      return error(e.prometheusError());
    }
    if (!"success".equals(e.status)) {
      return error("malformed response: status is " + SafeValues.quote(e.status));
    }
    String type = e.resultType == null ? "" : e.resultType;
    switch (type) {
      case "vector":
        return vector(e);
      case "matrix":
        return error(MATRIX);
      case "scalar":
      case "string":
        return error("query returned a " + type + "; expected an instant vector (Flagger reads only vectors: wrap"
            + " the expression in vector(...))");
      default:
        return error("malformed response: unknown resultType " + SafeValues.quote(e.resultType));
    }
  }

  private static MetricResult vector(Envelope e) {
    if (e.notSeries) {
      return error("malformed response: data.result holds something other than series");
    }
    if (e.series.stream().anyMatch(Envelope.Series::range)) {
      return error(MATRIX);
    }
    if (e.series.isEmpty()) {
      return new NoData(NO_VALUES_FOUND);
    }
    if (e.series.size() > 1) {
      return error("query returned " + e.series.size() + " series; expected exactly one (aggregate it, e.g. with"
          + " sum())");
    }
    var samples = e.series.get(0).samples();
    if (samples.isEmpty()) {
      return error("malformed response: a series has no value");
    }
    double v = samples.get(0).value();
    return Double.isNaN(v) ? new NoData(NO_VALUES_FOUND) : new MetricValue(v);
  }

  private static MetricResult error(String message) {
    return new MetricError(message, false);
  }
}
