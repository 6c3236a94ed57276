package dev.canarykit.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * canarykit's revision hashes: the first 8 bytes (16 hex digits) of SHA-256 over canonical JSON (sorted keys, no
 * whitespace). Flagger's FNV hash over Go's struct dump cannot be reproduced in Java, so a status written by
 * Flagger carries hashes of another shape; {@link #isCanarykitHash} tells them apart (docs/decisions.md).
 */
public final class Hashes {
  private Hashes() {}

  /** The hash of a JSON-like tree (maps, lists, strings, numbers, booleans, null). */
  public static String of(Object jsonTree) {
    return sha256Prefix(canonicalJson(jsonTree));
  }

  /** The webhook payload checksum: the hash of {@code {lastAppliedSpec, trackedConfigs}}. */
  public static String webhookChecksum(String lastAppliedSpec, Map<String, String> trackedConfigs) {
    return of(Map.of("lastAppliedSpec", lastAppliedSpec, "trackedConfigs", trackedConfigs));
  }

  /** Whether {@code hash} has the shape canarykit writes. */
  public static boolean isCanarykitHash(String hash) {
    if (hash == null || hash.length() != 16) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      char c = hash.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Canonical JSON: object keys sorted, no whitespace, strings escaped as JSON requires. */
  public static String canonicalJson(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object v) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      quote(out, s);
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        quote(out, String.valueOf(e.getKey()));
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (v instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(out, list.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
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
