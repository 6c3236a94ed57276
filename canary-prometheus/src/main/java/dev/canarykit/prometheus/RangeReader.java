package dev.canarykit.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;

/** Reads a {@code query_range} answer token by token from the stream, never building a tree. */
final class RangeReader {
  private RangeReader() {}

  static RangeResult read(int status, InputStream in, long limit) {
    BoundedInputStream body = new BoundedInputStream(in, limit);
    try {
      if (status >= 400) {
        byte[] bytes = body.readNBytes(Excerpts.MAX * 16);
        return new RangeResult.Error(HttpErrors.describe(status, bytes, bytes.length));
      }
      try (JsonParser p = Json.FACTORY.createParser(body)) {
        return interpret(Envelope.read(p, true));
      }
    } catch (IOException | RuntimeException e) {
      String why = e instanceof IOException io ? Json.reason(io) : e.getClass().getSimpleName();
      return new RangeResult.Error("malformed range response: " + why);
    }
  }

  private static RangeResult interpret(Envelope e) {
    String unexpected = e.unexpected("matrix");
    if (unexpected != null) {
      return new RangeResult.Error(unexpected);
    }
    return new RangeResult.Matrix(e.series.stream()
        .map(s -> new RangeResult.Series(s.labels(), s.samples())).toList());
  }
}
