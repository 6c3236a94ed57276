package dev.canarykit.k8s.workload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flagger's config checksum (flagger-behaviour.md §1.4): the first 8 bytes (hex) of SHA-256 over the JSON Go's
 * {@code json.Marshal} writes for {@code .data}: sorted keys, no whitespace, Go's escapes ({@code \n}, {@code \t},
 * {@code \r}, {@code \u003c} for {@code <}, {@code >} and {@code &}, {@code \u2028}, {@code \u2029}), and
 * {@code null} for a missing or empty map (Go's nil map). The same text hashes alike in Flagger and canarykit, so a
 * status written by Flagger is adopted without a spurious config change.
 */
final class ConfigChecksum {
  private ConfigChecksum() {}

  static String of(Map<String, String> data) {
    return sha256Prefix(json(data));
  }

  /** The JSON Go writes for a {@code map[string]string} (or {@code map[string][]byte} in base64). */
  static String json(Map<String, String> data) {
    if (data == null || data.isEmpty()) {
      return "null";
    }
    StringBuilder out = new StringBuilder("{");
    new TreeMap<>(data).forEach((k, v) -> {
      out.append(out.length() == 1 ? "" : ",");
      quote(out, k);
      out.append(':');
      quote(out, v);
    });
    return out.append('}').toString();
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
            ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    out.append('"');
  }

  private static String sha256Prefix(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
