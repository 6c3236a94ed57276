package dev.canarykit.core.internal;

import dev.canarykit.core.internal.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

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

  /** Canonical JSON: object keys sorted, no whitespace, strings escaped only as JSON requires. */
  public static String canonicalJson(Object value) {
    return JsonWriter.minimal().tree(value).text();
  }

  /** The hash of {@code text} as it is: the first 8 bytes (16 hex digits) of SHA-256 over its UTF-8 bytes. */
  public static String ofText(String text) {
    return sha256Prefix(text);
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
