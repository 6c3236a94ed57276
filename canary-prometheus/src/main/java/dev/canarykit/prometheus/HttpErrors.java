package dev.canarykit.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Messages for HTTP error statuses and bodies that are not Prometheus JSON. */
final class HttpErrors {
  private HttpErrors() {}

  /**
   * {@code error response: Status <code> <text>: <detail>}, the detail being Prometheus' errorType and error when
   * the body is its JSON error, else a bounded excerpt.
   */
  static String describe(int status, byte[] body, int length) {
    String head = "error response: Status " + status + (Excerpts.statusText(status).isEmpty() ? ""
        : " " + Excerpts.statusText(status));
    try (JsonParser p = Json.FACTORY.createParser(body, 0, length)) {
      Envelope e = Envelope.read(p, false);
      if ("error".equals(e.status) && e.error != null) {
        return head + ": " + e.errorType + ": " + bounded(e.error);
      }
    } catch (IOException | RuntimeException e) {
      // not Prometheus JSON: fall back to an excerpt
    }
    return head + ": " + Excerpts.of(body, length);
  }

  /** Why a 2xx body could not be read as JSON. */
  static String notJson(byte[] body, int length, Exception e) {
    String start = new String(body, 0, Math.min(length, 64), java.nio.charset.StandardCharsets.UTF_8).stripLeading();
    if (start.startsWith("<")) {
      return "response is HTML or XML, not Prometheus JSON (is the address right?): " + Excerpts.of(body, length);
    }
    String reason = e instanceof IOException io ? Json.reason(io) : e.getClass().getSimpleName();
    return "response is not valid JSON (" + reason + "): " + Excerpts.of(body, length);
  }

  private static String bounded(String s) {
    return s.length() > Excerpts.MAX ? s.substring(0, Excerpts.MAX) + " ..." : s;
  }
}
