package dev.canarykit.k8s.workload;

import dev.canarykit.core.internal.JsonWriter;
import dev.canarykit.core.internal.Hashes;
import java.util.Map;

/**
 * Flagger's config checksum (docs/flagger-compatibility.md §1.4): the first 8 bytes (hex) of SHA-256 over the JSON Go's
 * {@code json.Marshal} writes for {@code .data}: sorted keys, no whitespace, Go's escapes ({@code \n}, {@code \t},
 * {@code \r}, {@code \u003c} for {@code <}, {@code >} and {@code &}, {@code \u2028}, {@code \u2029}), and
 * {@code null} for a missing or empty map (Go's nil map). The same text hashes alike in Flagger and canarykit, so a
 * status written by Flagger is adopted without a spurious config change.
 */
final class ConfigChecksum {
  private ConfigChecksum() {}

  static String of(Map<String, String> data) {
    return Hashes.ofText(json(data));
  }

  /** The JSON Go writes for a {@code map[string]string} (or {@code map[string][]byte} in base64). */
  static String json(Map<String, String> data) {
    return data == null || data.isEmpty() ? "null" : JsonWriter.goCompatible().tree(data).text();
  }
}
