package dev.canarykit.core.webhook;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.webhook.HttpWebhookClient.Backoff;
import java.time.Duration;

/** Runs the attempts of one webhook call with go-retryablehttp's policy. */
final class Retrying {
  private final HttpAttempt attempt;
  private final int retries;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final String url;

  Retrying(HttpAttempt attempt, int retries, Backoff backoff, Sleeper sleeper, String url) {
    this.attempt = attempt;
    this.retries = retries;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.url = url;
  }

  Outcome.OkResult run() {
    for (int n = 0; ; n++) {
      AttemptResult r = attempt.send();
      if (r instanceof AttemptResult.Answered a && a.ok()) {
        return Outcome.OK;
      }
      if (!r.retryable()) {
        return new Outcome.Failed(firstFailure(r));
      }
      if (n >= retries) {
        return new Outcome.Failed("POST " + url + " giving up after " + (n + 1) + " attempt(s): " + detail(r));
      }
      if (!pause(backoff.delay(n, r instanceof AttemptResult.Answered a ? a.retryAfter() : null))) {
        return new Outcome.Failed("POST " + url + " interrupted after " + (n + 1) + " attempt(s): " + detail(r));
      }
    }
  }

  /** A failure that is not retried: the body for a refusal (Flagger's text), else the URL and the error. */
  private String firstFailure(AttemptResult r) {
    return r instanceof AttemptResult.Answered a ? a.message() : "POST " + url + ": " + detail(r);
  }

  private static String detail(AttemptResult r) {
    if (r instanceof AttemptResult.Answered a) {
      return a.body().isBlank() ? "status " + a.status() : "status " + a.status() + ": " + a.body();
    }
    return ((AttemptResult.Broken) r).message();
  }

  private boolean pause(Duration d) {
    try {
      sleeper.sleep(d.isNegative() ? Duration.ZERO : d);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
