package dev.canarykit.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reads a {@code query_range} response token by token from the stream, never building a tree. */
final class RangeReader {
  private final List<RangeResult.Series> series = new ArrayList<>();
  private String status;
  private String errorType;
  private String error;
  private String resultType;

  private RangeReader() {}

  static RangeResult read(int status, InputStream in, long limit) {
    BoundedInputStream body = new BoundedInputStream(in, limit);
    try {
      if (status >= 400) {
        byte[] bytes = body.readNBytes(Excerpts.MAX * 16);
        return new RangeResult.Error(HttpErrors.describe(status, bytes, bytes.length));
      }
      RangeReader r = new RangeReader();
      try (JsonParser p = Json.FACTORY.createParser(body)) {
        return r.read(p);
      }
    } catch (IOException | RuntimeException e) {
      String why = e instanceof IOException io ? Json.reason(io) : e.getClass().getSimpleName();
      return new RangeResult.Error("malformed range response: " + why);
    }
  }

  private RangeResult read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return new RangeResult.Error("malformed range response: not a JSON object");
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
    if ("error".equals(status)) {
      return new RangeResult.Error("Prometheus error: " + errorType + ": " + error);
    }
    if (!"success".equals(status) || !"matrix".equals(resultType)) {
      return new RangeResult.Error("malformed range response: status " + SafeValues.quote(status)
          + ", resultType " + SafeValues.quote(resultType));
    }
    return new RangeResult.Matrix(series);
  }

  private void data(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("resultType")) {
        resultType = Json.scalarText(p);
      } else if (field.equals("result") && p.currentToken() == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          series.add(series(p));
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private static RangeResult.Series series(JsonParser p) throws IOException {
    Map<String, String> labels = new HashMap<>();
    List<RangeResult.Sample> samples = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("metric") && t == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          labels.put(name, Json.scalarText(p));
        }
      } else if (field.equals("values") && t == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_ARRAY) {
          samples.add(sample(p));
        }
      } else {
        p.skipChildren();
      }
    }
    return new RangeResult.Series(labels, samples);
  }

  private static RangeResult.Sample sample(JsonParser p) throws IOException {
    p.nextToken();
    double time = p.getValueAsDouble(Double.NaN);
    p.nextToken();
    String text = Json.scalarText(p);
    if (p.nextToken() != JsonToken.END_ARRAY || Double.isNaN(time) || text == null) {
      throw new IOException("a sample is not a [time, \"value\"] pair");
    }
    OptionalDouble v = SampleValues.parse(text);
    if (v.isEmpty()) {
      throw new IOException("sample value " + SafeValues.quote(text) + " is not a number");
    }
    return new RangeResult.Sample(Math.round(time * 1000), v.getAsDouble());
  }
}
