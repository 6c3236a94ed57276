package dev.canarykit.prometheus;

/**
 * Follows PromQL text as it is written and tells whether the next character lands inside a string literal
 * ({@code "..."}, {@code '...'} or {@code `...`}). Comments ({@code # ...} to the end of the line) count as outside.
 */
final class LiteralTracker {
  private char quote;
  private boolean escaped;
  private boolean comment;

  /** Feeds {@code text}, in order. */
  void feed(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      feed(text.charAt(i));
    }
  }

  private void feed(char c) {
    if (comment) {
      comment = c != '\n';
    } else if (quote == 0) {
      if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else {
        comment = c == '#';
      }
    } else if (escaped) {
      escaped = false;
    } else if (c == '\\' && quote != '`') {
      escaped = true;
    } else if (c == quote) {
      quote = 0;
    }
  }

  /** Whether the next character is inside a string literal. */
  boolean inStringLiteral() {
    return quote != 0;
  }
}
