package dev.canarykit.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** What an instant-query response says, read token by token (no tree). */
final class InstantBody {
  String status;
  String errorType;
  String error;
  String resultType;
  int series;
  boolean rangeSeries;
  String sample;
  String malformed;

  /** Reads the top-level object; the parser stands before its first token. */
  void read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      malformed = "response is not a JSON object";
      return;
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
      malformed = "unexpected data after the JSON object";
    }
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
      } else if (field.equals("result")) {
        result(p);
      } else {
        p.skipChildren();
      }
    }
  }

  private void result(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      malformed = "data.result is not an array";
      return;
    }
    JsonToken first = p.nextToken();
    if (first == JsonToken.START_OBJECT) {
      do {
        seriesObject(p);
      } while (p.nextToken() == JsonToken.START_OBJECT);
    } else if (first != JsonToken.END_ARRAY) {
      sample = pairValue(restOf(p, first));
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      malformed = "data.result holds something other than series";
    }
  }

  private void seriesObject(JsonParser p) throws IOException {
    series++;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("value") && p.currentToken() == JsonToken.START_ARRAY) {
        sample = pairValue(restOf(p, p.nextToken()));
      } else {
        rangeSeries |= field.equals("values") || field.equals("histograms");
        p.skipChildren();
      }
    }
  }

  /** The scalar texts of an array from its first element token {@code first} to its end. */
  private static java.util.List<String> restOf(JsonParser p, JsonToken first) throws IOException {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new IOException("unexpected end of input");
      }
      out.add(Json.scalarText(p));
    }
    return out;
  }

  /** The value of a {@code [<time>, "<value>"]} pair, or {@code null} (and malformed) when it is not one. */
  private String pairValue(java.util.List<String> pair) {
    if (pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
      malformed = "a sample is not a [time, \"value\"] pair";
      return null;
    }
    return pair.get(1);
  }
}
