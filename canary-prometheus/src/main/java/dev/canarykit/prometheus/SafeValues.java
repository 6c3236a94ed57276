package dev.canarykit.prometheus;

import dev.canarykit.core.internal.PrometheusDuration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every value before it is substituted into PromQL, so that no value can change a query's structure.
 * Each check returns the reason a value is refused, or empty when it is safe. Refusals quote the value in Java
 * escape form so control characters stay visible.
 */
final class SafeValues {
  /** Longest template variable value accepted. */
  static final int MAX_VARIABLE_LENGTH = 1024;

  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
      "group_left", "group_right", "offset", "bool", "atan2");

  private SafeValues() {}

  /** A Kubernetes object name (RFC 1123 subdomain). */
  static Optional<String> kubernetesName(String field, String value) {
    if (value != null && value.length() <= 253 && SUBDOMAIN.matcher(value).matches()) {
      return Optional.empty();
    }
    return refuse(field, value, "is not a Kubernetes name");
  }

  /** A namespace (RFC 1123 label). */
  static Optional<String> namespace(String field, String value) {
    if (value != null && value.length() <= 63 && LABEL.matcher(value).matches()) {
      return Optional.empty();
    }
    return refuse(field, value, "is not a Kubernetes namespace");
  }

  /** A Prometheus duration such as {@code 1m} or {@code 1h30m}. */
  static Optional<String> duration(String field, String value) {
    return PrometheusDuration.isValid(value) ? Optional.empty()
        : refuse(field, value, "is not a Prometheus duration");
  }

  /**
   * A template variable. Inside a PromQL string literal it may hold anything but quotes, backslashes, braces and
   * control characters (newlines included); outside one it must be a single number, identifier or duration.
   */
  static Optional<String> variable(String field, String value, boolean inStringLiteral) {
    if (value.length() > MAX_VARIABLE_LENGTH) {
      return refuse(field, value.substring(0, 40) + "...", "is longer than " + MAX_VARIABLE_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ("\"'`\\{}".indexOf(c) >= 0 || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return refuse(field, value, "contains a quote, backslash, brace or control character");
      }
    }
    return inStringLiteral || isBareToken(value) ? Optional.empty()
        : refuse(field, value, "is not a single number, name or duration (it is used outside a string literal)");
  }

  private static boolean isBareToken(String v) {
    return NUMBER.matcher(v).matches() || PrometheusDuration.isValid(v)
        || IDENTIFIER.matcher(v).matches() && !KEYWORDS.contains(v.toLowerCase(java.util.Locale.ROOT));
  }

  private static Optional<String> refuse(String field, String value, String why) {
    return Optional.of("unsafe value for " + field + ": " + quote(value) + " " + why);
  }

  /** {@code value} in double quotes with control characters, quotes and backslashes escaped. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    value.codePoints().limit(80).forEach(cp -> {
      if (cp == '"' || cp == '\\') {
        b.append('\\').appendCodePoint(cp);
      } else if (cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.append(value.codePointCount(0, value.length()) > 80 ? "...\"" : "\"").toString();
  }
}
