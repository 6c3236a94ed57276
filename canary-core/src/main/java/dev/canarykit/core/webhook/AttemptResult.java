package dev.canarykit.core.webhook;

import java.time.Duration;

/** What one HTTP attempt came to. */
sealed interface AttemptResult {

  /** Whether the request may be sent again (go-retryablehttp's default policy). */
  boolean retryable();

  /**
   * The server answered.
   *
   * @param status the HTTP status
   * @param body an excerpt of the body
   * @param retryAfter the {@code Retry-After} header in seconds, or {@code null}
   */
  record Answered(int status, String body, Duration retryAfter) implements AttemptResult {
    /** Flagger's success: 200-202 (and anything below, which the JDK never reports). */
    boolean ok() {
      return status <= 202;
    }

    /** 429 and every 5xx except 501 are worth another try. */
    @Override
    public boolean retryable() {
      return status == 429 || status >= 500 && status != 501;
    }

    /** The failure text: the body excerpt as Flagger reports it, or the status when the body is empty. */
    String message() {
      return body.isBlank() ? "status " + status + " with an empty body" : body;
    }
  }

  /**
   * No answer: the connection failed or timed out.
   *
   * @param message what went wrong
   * @param retryable false for TLS failures (retrying cannot fix a certificate) and interruption
   */
  record Broken(String message, boolean retryable) implements AttemptResult {}
}
