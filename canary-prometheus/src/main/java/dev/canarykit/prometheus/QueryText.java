package dev.canarykit.prometheus;

import java.util.regex.Pattern;

/** Whitespace handling of PromQL text. */
final class QueryText {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private QueryText() {}

  /**
   * Collapses each run of whitespace to one space, as Flagger does before sending, and strips both ends
   * (Prometheus ignores them).
   */
  public static String collapse(String query) {
    return WHITESPACE.matcher(query).replaceAll(" ").strip();
  }
}
