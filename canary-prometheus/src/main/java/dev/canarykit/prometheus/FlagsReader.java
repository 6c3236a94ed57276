package dev.canarykit.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code /api/v1/status/flags} ({@code {"status":"success","data":{"flag":"value",...}}}): the flags'
 * string values, or empty when the answer is not that (an error status, a proxy's page, a server that hides
 * its flags).
 */
final class FlagsReader {
  private FlagsReader() {}

  static Optional<Map<String, String>> read(int status, InputStream in) {
    if (status >= 400) {
      return Optional.empty();
    }
    Map<String, String> flags = new HashMap<>();
    try (JsonParser p = Json.FACTORY.createParser(new BoundedInputStream(in, 1 << 20))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("data") && p.currentToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            flags.put(name, Json.scalarText(p));
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(flags);
  }
}
