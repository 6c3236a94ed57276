package dev.canarykit.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/** The streaming JSON factory with tight limits, and helpers shared by the response readers. */
final class Json {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1 << 20)
          .maxNumberLength(100).build())
      .build();

  private Json() {}

  /** The text of a string or number value at the current token, else {@code null} (skipping containers). */
  static String scalarText(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** A short reason for a JSON failure, without source excerpts. */
  static String reason(IOException e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    m = m == null ? e.getClass().getSimpleName() : m;
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() > 160 ? m.substring(0, 160) + "..." : m;
  }
}
