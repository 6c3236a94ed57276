package dev.canarykit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.canarykit.core.backtest.ReleaseWindow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code backtest} command's releases file (YAML):
 *
 * <pre>
 * releases:
 *   - name: tuesday-checkout
 *     start: 2026-11-24T10:00:00Z
 *     end: 2026-11-24T10:45:00Z
 *     verdict: bad                     # the team's label: good | bad (optional)
 * </pre>
 *
 * Names are unique; times are RFC 3339 with an offset; an unknown field is an error naming its path, so that a
 * typo cannot silently drop a label.
 */
final class ReleasesFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> FIELDS = Set.of("name", "start", "end", "verdict");

  private ReleasesFile() {}

  /** A problem in the file or a time option, naming the field. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  static List<ReleaseWindow> parse(String text) throws Invalid {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (java.io.IOException e) {
      throw new Invalid("not YAML: " + e.getMessage());
    }
    JsonNode list = root == null || !root.isObject() ? null : root.get("releases");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new Invalid("releases: must be a non-empty list");
    }
    for (Iterator<String> f = root.fieldNames(); f.hasNext(); ) {
      String field = f.next();
      if (!field.equals("releases")) {
        throw new Invalid(field + ": unknown field (expected releases)");
      }
    }
    List<ReleaseWindow> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      ReleaseWindow w = release(list.get(i), "releases[" + i + "]");
      if (!names.add(w.name())) {
        throw new Invalid("releases[" + i + "].name: " + w.name() + " is used twice");
      }
      out.add(w);
    }
    return out;
  }

  private static ReleaseWindow release(JsonNode r, String path) throws Invalid {
    if (!r.isObject()) {
      throw new Invalid(path + ": must be a mapping with name, start, end and verdict");
    }
    for (Iterator<String> f = r.fieldNames(); f.hasNext(); ) {
      String field = f.next();
      if (!FIELDS.contains(field)) {
        throw new Invalid(path + "." + field + ": unknown field (expected name, start, end, verdict)");
      }
    }
    JsonNode name = r.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw new Invalid(path + ".name: is required");
    }
    Instant start = time(r.get("start"), path + ".start");
    Instant end = time(r.get("end"), path + ".end");
    if (!end.isAfter(start)) {
      throw new Invalid(path + ".end: " + end + " is not after start " + start);
    }
    return new ReleaseWindow(name.asText(), start, end, label(r.get("verdict"), path + ".verdict"));
  }

  private static ReleaseWindow.Label label(JsonNode v, String path) throws Invalid {
    if (v == null || v.isNull()) {
      return null;
    }
    return ReleaseWindow.Label.fromWire(v.asText()).orElseThrow(() -> new Invalid(path
        + ": must be good or bad, but was " + v.asText()));
  }

  /** An RFC 3339 time with an offset ({@code Z} or {@code +01:00}). */
  static Instant time(JsonNode v, String path) throws Invalid {
    if (v == null || !v.isTextual()) {
      throw new Invalid(path + ": must be an RFC 3339 time such as 2026-11-24T10:00:00Z, but was "
          + (v == null ? "missing" : v));
    }
    return time(v.asText(), path);
  }

  static Instant time(String text, String what) throws Invalid {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new Invalid(what + ": must be an RFC 3339 time such as 2026-11-24T10:00:00Z, but was "
          + text);
    }
  }
}
