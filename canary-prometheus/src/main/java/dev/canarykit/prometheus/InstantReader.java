package dev.canarykit.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import dev.canarykit.core.analysis.Outcome.MetricValue;
import dev.canarykit.core.analysis.Outcome.NoData;
import java.io.IOException;
import java.util.OptionalDouble;

/**
 * Reads an instant-query response (docs/flagger-compatibility.md §5.5): one sample is a value ({@code +Inf}/{@code
 * -Inf} included), an empty result or NaN is no data, several series, a matrix or a string are errors, and so is
 * anything that is not Prometheus' JSON.
 */
final class InstantReader {
  /** Flagger's {@code ErrNoValuesFound} text. */
  static final String NO_VALUES_FOUND = "no values found";

  private InstantReader() {}

  /** The outcome of an HTTP answer with {@code status} and the first {@code length} bytes of {@code body}. */
  static MetricResult read(int status, byte[] body, int length) {
    if (status >= 400) {
      return error(HttpErrors.describe(status, body, length));
    }
    if (length == 0) {
      return error("empty response body (HTTP " + status + ")");
    }
    InstantBody b = new InstantBody();
    try (JsonParser p = Json.FACTORY.createParser(body, 0, length)) {
      b.read(p);
    } catch (IOException | RuntimeException e) {
      return error(HttpErrors.notJson(body, length, e));
    }
    return b.malformed != null ? error("malformed response: " + b.malformed + ": " + Excerpts.of(body, length))
        : interpret(b, body, length);
  }

  private static MetricResult interpret(InstantBody b, byte[] body, int length) {
    if ("error".equals(b.status)) {
      return error("Prometheus error: " + b.errorType + ": " + b.error);
    }
    if (!"success".equals(b.status)) {
      return error("malformed response: status is " + SafeValues.quote(b.status) + ": " + Excerpts.of(body, length));
    }
    String type = b.resultType == null ? "" : b.resultType;
    switch (type) {
      case "vector":
        return vector(b);
      case "scalar":
        return sample(b.sample);
      case "matrix":
        return error("query returned a range vector (matrix); expected an instant vector or a scalar");
      case "string":
        return error("query returned a string; expected an instant vector or a scalar");
      default:
        return error("malformed response: unknown resultType " + SafeValues.quote(b.resultType));
    }
  }

  private static MetricResult vector(InstantBody b) {
    if (b.rangeSeries) {
      return error("query returned a range vector (matrix); expected an instant vector or a scalar");
    }
    if (b.series == 0) {
      return new NoData(NO_VALUES_FOUND);
    }
    if (b.series > 1) {
      return error("query returned " + b.series + " series; expected exactly one (aggregate it, e.g. with sum())");
    }
    return sample(b.sample);
  }

  private static MetricResult sample(String text) {
    OptionalDouble v = text == null ? OptionalDouble.empty() : SampleValues.parse(text);
    if (v.isEmpty()) {
      return error("malformed response: sample value " + SafeValues.quote(text) + " is not a number");
    }
    return Double.isNaN(v.getAsDouble()) ? new NoData(NO_VALUES_FOUND) : new MetricValue(v.getAsDouble());
  }

  private static MetricResult error(String message) {
    return new MetricError(message, false);
  }
}
