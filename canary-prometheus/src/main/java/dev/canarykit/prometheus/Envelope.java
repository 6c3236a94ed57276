package dev.canarykit.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Prometheus' JSON answer ({@code status}, {@code errorType}, {@code error}, {@code data.resultType},
 * {@code data.result}), read token by token without a tree. The one reader of instant, vector and range answers:
 * each caller only interprets what this found. A sample is a {@code [<time>, "<value>"]} pair whose value is a JSON
 * string, as Prometheus writes it; a value given as a JSON number is malformed.
 */
final class Envelope {
  String status;
  String errorType;
  String error;
  String resultType;
  /** The series of {@code data.result}, when it holds objects; empty for scalar and string answers. */
  final List<Series> series = new ArrayList<>();
  /** Whether {@code data.result} held something other than series objects (a scalar or string answer's pair). */
  boolean notSeries;
  private final boolean keepLabels;

  private Envelope(boolean keepLabels) {
    this.keepLabels = keepLabels;
  }

  /**
   * One series of the result.
   *
   * @param labels its labels (empty unless asked for)
   * @param samples its samples: one for an instant vector, any number for a matrix
   * @param range whether it came as {@code values} or {@code histograms} (a matrix series)
   */
  record Series(Map<String, String> labels, List<RangeResult.Sample> samples, boolean range) {}

  /** A well-formed JSON document that is not a Prometheus answer. */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /**
   * Reads a whole answer; the parser stands before its first token.
   *
   * @param keepLabels whether each series' labels are kept
   * @throws Malformed when the JSON is not shaped like a Prometheus answer
   * @throws IOException when it is not JSON
   */
  static Envelope read(JsonParser p, boolean keepLabels) throws IOException {
    Envelope e = new Envelope(keepLabels);
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new Malformed("response is not a JSON object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "status": e.status = Json.scalarText(p); break;
        case "errorType": e.errorType = Json.scalarText(p); break;
        case "error": e.error = Json.scalarText(p); break;
        case "data": e.data(p); break;
        default: p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw new Malformed("unexpected data after the JSON object");
    }
    return e;
  }

  /**
   * Reads the first {@code length} bytes of an answer with HTTP {@code status}: an error status, an empty body and a
   * body that is not a Prometheus answer become {@code error}'s value, anything else {@code interpret}'s.
   */
  static <T> T read(int status, byte[] body, int length, boolean keepLabels, Function<Envelope, T> interpret,
      Function<String, T> error) {
    if (status >= 400) {
      return error.apply(HttpErrors.describe(status, body, length));
    }
    if (length == 0) {
      return error.apply("empty response body (HTTP " + status + ")");
    }
    Envelope e;
    try (JsonParser p = Json.FACTORY.createParser(body, 0, length)) {
      e = read(p, keepLabels);
    } catch (Malformed m) {
      return error.apply("malformed response: " + m.getMessage() + ": " + Excerpts.of(body, length));
    } catch (IOException | RuntimeException x) {
      return error.apply(HttpErrors.notJson(body, length, x));
    }
    return interpret.apply(e);
  }

  /** Prometheus' own error ({@code status: error}), or {@code null}. */
  String prometheusError() {
    return "error".equals(status) ? "Prometheus error: " + errorType + ": " + error : null;
  }

  /**
   * Why this is not a successful answer of {@code expected} type, or {@code null} when it is one.
   *
   * @param expected the result type wanted ({@code vector} or {@code matrix})
   */
  String unexpected(String expected) {
    String failure = prometheusError();
    if (failure != null) {
      return failure;
    }
    if ("success".equals(status) && expected.equals(resultType)) {
      return notSeries ? "malformed response: data.result holds something other than series" : null;
    }
    return "malformed response: status " + SafeValues.quote(status) + ", resultType " + SafeValues.quote(resultType)
        + " (expected a " + expected + ")";
  }

  private void data(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("resultType")) {
        resultType = Json.scalarText(p);
      } else if (field.equals("result")) {
        result(p, t);
      } else {
        p.skipChildren();
      }
    }
  }

  /** Series objects are read; a scalar or string result ({@code [t, "v"]}) is skipped for the caller to refuse. */
  private void result(JsonParser p, JsonToken start) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      p.skipChildren();
      throw new Malformed("data.result is not an array");
    }
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT && t != JsonToken.END_ARRAY) {
      notSeries = true;
      p.skipChildren();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
      return;
    }
    for (; t == JsonToken.START_OBJECT; t = p.nextToken()) {
      series.add(series(p));
    }
    if (t != JsonToken.END_ARRAY) {
      throw new Malformed("data.result holds something other than series");
    }
  }

  private Series series(JsonParser p) throws IOException {
    Map<String, String> labels = keepLabels ? new HashMap<>() : Map.of();
    List<RangeResult.Sample> samples = new ArrayList<>(1);
    boolean range = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("metric") && t == JsonToken.START_OBJECT && keepLabels) {
        labels(p, labels);
      } else if (field.equals("value") && t == JsonToken.START_ARRAY) {
        samples.add(sample(p));
      } else if (field.equals("values") && t == JsonToken.START_ARRAY) {
        range = true;
        while (p.nextToken() == JsonToken.START_ARRAY) {
          samples.add(sample(p));
        }
      } else {
        range |= field.equals("histograms") || field.equals("histogram");
        p.skipChildren();
      }
    }
    return new Series(labels, samples, range);
  }

  private static void labels(JsonParser p, Map<String, String> labels) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      String v = Json.scalarText(p);
      if (v != null) {
        labels.put(name, v);
      }
    }
  }

  /** A {@code [<time>, "<value>"]} pair; the parser stands on its opening bracket. */
  private static RangeResult.Sample sample(JsonParser p) throws IOException {
    JsonToken time = p.nextToken();
    if (time != JsonToken.VALUE_NUMBER_INT && time != JsonToken.VALUE_NUMBER_FLOAT) {
      p.skipChildren();
      throw new Malformed("a sample is not a [time, \"value\"] pair");
    }
    double seconds = p.getDoubleValue();
    JsonToken value = p.nextToken();
    if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
      throw new Malformed("sample value " + p.getText() + " is a JSON number; Prometheus writes sample values as"
          + " strings");
    }
    String text = value == JsonToken.VALUE_STRING ? p.getText() : null;
    if (text == null || p.nextToken() != JsonToken.END_ARRAY) {
      throw new Malformed("a sample is not a [time, \"value\"] pair");
    }
    OptionalDouble v = SampleValues.parse(text);
    if (v.isEmpty()) {
      throw new Malformed("sample value " + SafeValues.quote(text) + " is not a number");
    }
    return new RangeResult.Sample(Math.round(seconds * 1000), v.getAsDouble());
  }
}
