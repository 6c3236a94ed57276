package dev.canarykit.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads an instant-query response whose result must be a vector, keeping every series' labels and value. Anything
 * else (a scalar, a matrix, an error status, a body that is not Prometheus' JSON) is a {@link VectorResult.Error}.
 */
final class VectorReader {
  private final List<VectorResult.Sample> series = new ArrayList<>();
  private String status;
  private String errorType;
  private String error;
  private String resultType;

  private VectorReader() {}

  /** The result of an HTTP answer with {@code status} and the first {@code length} bytes of {@code body}. */
  static VectorResult read(int status, byte[] body, int length) {
    if (status >= 400) {
      return new VectorResult.Error(HttpErrors.describe(status, body, length));
    }
    if (length == 0) {
      return new VectorResult.Error("empty response body (HTTP " + status + ")");
    }
    VectorReader r = new VectorReader();
    try (JsonParser p = Json.FACTORY.createParser(body, 0, length)) {
      return r.read(p);
    } catch (IOException | RuntimeException e) {
      return new VectorResult.Error(e instanceof Malformed m ? "malformed response: " + m.getMessage()
          : HttpErrors.notJson(body, length, e));
    }
  }

  /** A well-formed JSON document that is not a Prometheus vector answer. */
  private static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private VectorResult read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new Malformed("response is not a JSON object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "status": status = Json.scalarText(p); break;
        case "errorType": errorType = Json.scalarText(p); break;
        case "error": error = Json.scalarText(p); break;
        case "data": data(p); break;
        default: p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw new Malformed("unexpected data after the JSON object");
    }
    return result();
  }

  private VectorResult result() {
    if ("error".equals(status)) {
      return new VectorResult.Error("Prometheus error: " + errorType + ": " + error);
    }
    if (!"success".equals(status) || !"vector".equals(resultType)) {
      return new VectorResult.Error("malformed response: status " + SafeValues.quote(status) + ", resultType "
          + SafeValues.quote(resultType) + " (expected a vector)");
    }
    return new VectorResult.Vector(series);
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
      } else if (field.equals("result") && t == JsonToken.START_ARRAY) {
        results(p);
      } else {
        p.skipChildren();
      }
    }
  }

  private void results(JsonParser p) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
      series.add(sample(p));
    }
    if (t != JsonToken.END_ARRAY) {
      throw new Malformed("data.result holds something other than series");
    }
  }

  private static VectorResult.Sample sample(JsonParser p) throws IOException {
    Map<String, String> labels = new HashMap<>();
    OptionalDouble value = OptionalDouble.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("metric") && t == JsonToken.START_OBJECT) {
        labels(p, labels);
      } else if (field.equals("value") && t == JsonToken.START_ARRAY) {
        value = OptionalDouble.of(pair(p));
      } else if (field.equals("values") || field.equals("histograms")) {
        throw new Malformed("a series holds a range of samples; expected an instant vector");
      } else {
        p.skipChildren();
      }
    }
    if (value.isEmpty()) {
      throw new Malformed("a series has no value");
    }
    return new VectorResult.Sample(labels, value.getAsDouble());
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

  /** The value of a {@code [<time>, "<value>"]} pair; the parser stands on its opening bracket. */
  private static double pair(JsonParser p) throws IOException {
    JsonToken time = p.nextToken();
    if (time != JsonToken.VALUE_NUMBER_INT && time != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new Malformed("a sample is not a [time, \"value\"] pair");
    }
    p.nextToken();
    String text = Json.scalarText(p);
    if (text == null || p.nextToken() != JsonToken.END_ARRAY) {
      throw new Malformed("a sample is not a [time, \"value\"] pair");
    }
    OptionalDouble v = SampleValues.parse(text);
    if (v.isEmpty()) {
      throw new Malformed("sample value " + SafeValues.quote(text) + " is not a number");
    }
    return v.getAsDouble();
  }
}
