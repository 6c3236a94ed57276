package dev.canarykit.prometheus;

import java.nio.charset.StandardCharsets;

/** Bounded, printable excerpts of response bodies for error messages. */
final class Excerpts {
  /** Longest excerpt, in characters. */
  static final int MAX = 256;

  private Excerpts() {}

  /** At most {@link #MAX} characters of {@code body}, control characters replaced by spaces. */
  static String of(byte[] body, int length) {
    String s = new String(body, 0, Math.min(length, MAX * 4), StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(MAX).forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
    boolean cut = s.codePointCount(0, s.length()) > MAX || length > MAX * 4;
    return QueryText.collapse(b.toString()) + (cut ? " ..." : "");
  }

  /** Go's {@code http.StatusText} for common codes, or empty. */
  static String statusText(int code) {
    switch (code) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 406: return "Not Acceptable";
      case 408: return "Request Timeout";
      case 413: return "Request Entity Too Large";
      case 414: return "Request URI Too Long";
      case 422: return "Unprocessable Entity";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 501: return "Not Implemented";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return "";
    }
  }
}
