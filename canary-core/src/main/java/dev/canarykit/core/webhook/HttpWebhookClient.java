package dev.canarykit.core.webhook;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.internal.InsecureTls;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.port.WebhookClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Calls webhooks over {@code java.net.http} as Flagger does (docs/flagger-compatibility.md §1.15).
 *
 * <ul>
 *   <li>{@code POST} with {@code Content-Type: application/json} and the {@link WebhookPayload} of the call.
 *   <li>Each attempt is bounded by the hook's {@code timeout} (connect, headers and body excerpt together); a
 *       timeout shorter than two characters (so also none) is {@link #DEFAULT_TIMEOUT}, and so is one that is zero
 *       or negative (Go would then wait forever, which would hold the tick).
 *   <li>{@code retries} more attempts follow a connection error, a timeout, 429 or a 5xx other than 501, after the
 *       {@link Backoff} (default 1 s doubling up to 30 s, or the server's {@code Retry-After}). TLS errors are not
 *       retried.
 *   <li>Success is status 200-202 only; 204 and every other status fail. The failure text is the response body,
 *       cut to {@link #DEFAULT_EXCERPT_CHARS} characters, as Flagger reports it, or the status when the body is
 *       empty; after retries it reads {@code POST <url> giving up after N attempt(s): ...}.
 *   <li>{@code disableTLS: true} skips certificate and host-name checks for that hook only, through a second
 *       client this object builds once and owns.
 * </ul>
 *
 * <p>Messages show the URL without user info and query, and never the metadata. The client blocks the calling
 * thread (the tick) for the whole exchange, retries included.
 */
public final class HttpWebhookClient implements WebhookClient {
  /** The per-attempt timeout when the hook sets none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** How much of a response body a failure message carries. */
  public static final int DEFAULT_EXCERPT_CHARS = 512;

  private final HttpClient client;
  private final UnaryOperator<URI> addresses;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final int excerptChars;
  private HttpClient insecure;

  private HttpWebhookClient(Builder b) {
    this.client = b.client != null ? b.client
        : HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    this.addresses = b.addresses;
    this.backoff = b.backoff;
    this.sleeper = b.sleeper;
    this.excerptChars = b.excerptChars;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Outcome.OkResult call(Canary canary, Command.CallWebhook call) {
    WebhookSpec hook = call.hook();
    Optional<URI> uri = target(hook.url());
    if (uri.isEmpty()) {
      return new Outcome.Failed("webhook " + hook.name() + ": url is not an absolute http(s) URL");
    }
    Optional<Duration> timeout = timeout(hook);
    if (timeout.isEmpty()) {
      return new Outcome.Failed("webhook " + hook.name() + ": timeout \"" + hook.unreadable().get("timeout")
          + "\" is not a Go duration");
    }
    String body = WebhookPayload.of(canary, call).toJson();
    HttpClient http = hook.disableTLS() ? insecureClient() : client;
    HttpAttempt attempt = new HttpAttempt(http, uri.get(), body, timeout.get(), excerptChars);
    int retries = hook.retries() == null ? 0 : Math.max(0, hook.retries());
    return new Retrying(attempt, retries, backoff, sleeper, Redaction.describe(uri.get())).run();
  }

  private Optional<URI> target(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI uri = Objects.requireNonNull(addresses.apply(new URI(url)), "rewritten address == null");
      boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The per-attempt timeout of a hook, or empty when its text was not a Go duration. */
  static Optional<Duration> timeout(WebhookSpec hook) {
    if (hook.unreadable().containsKey("timeout")) {
      return Optional.empty();
    }
    Duration d = hook.timeout();
    return Optional.of(d == null || d.isNegative() || d.isZero() ? DEFAULT_TIMEOUT : d);
  }

  private synchronized HttpClient insecureClient() {
    if (insecure == null) {
      insecure = InsecureTls.client();
    }
    return insecure;
  }

  /** Builds an {@link HttpWebhookClient}. */
  public static final class Builder {
    private HttpClient client;
    private UnaryOperator<URI> addresses = UnaryOperator.identity();
    private Backoff backoff = Backoff.DEFAULT;
    private Sleeper sleeper = Sleeper.THREAD;
    private int excerptChars = DEFAULT_EXCERPT_CHARS;

    private Builder() {}

    /**
     * The client for hooks that verify TLS, owned by the caller (Java 17's client needs no closing). Default: a
     * new client that follows redirects as Go's does.
     */
    public Builder httpClient(HttpClient v) {
      client = Objects.requireNonNull(v, "httpClient == null");
      return this;
    }

    /**
     * Rewrites each hook's address before it is called (for example a cluster name to a loopback port when the
     * controller runs outside the cluster); default none. Only an http(s) address with a host is called.
     */
    public Builder addresses(UnaryOperator<URI> v) {
      addresses = Objects.requireNonNull(v, "addresses == null");
      return this;
    }

    /** The wait before each retry; default {@link Backoff#DEFAULT}. */
    public Builder backoff(Backoff v) {
      backoff = Objects.requireNonNull(v, "backoff == null");
      return this;
    }

    /** How the client waits; default {@link Sleeper#THREAD}. */
    Builder sleeper(Sleeper v) {
      sleeper = Objects.requireNonNull(v, "sleeper == null");
      return this;
    }

    /**
     * How many characters of a response body a failure carries; default {@link #DEFAULT_EXCERPT_CHARS}.
     *
     * @throws IllegalArgumentException unless 1 to 65536
     */
    public Builder excerptChars(int v) {
      if (v < 1 || v > 65_536) {
        throw new IllegalArgumentException("excerptChars must be 1 to 65536, but was " + v);
      }
      excerptChars = v;
      return this;
    }

    /** The client. */
    public HttpWebhookClient build() {
      return new HttpWebhookClient(this);
    }
  }

  /**
   * How long to wait before a retry. The default matches go-retryablehttp's, which Flagger uses: exponential from
   * one second, doubling, at most 30 seconds, and a server's {@code Retry-After} (in seconds) instead when present.
   */
  @FunctionalInterface
  public interface Backoff {

    /** go-retryablehttp's defaults: 1 s doubling up to 30 s, honouring Retry-After up to 30 s. */
    Backoff DEFAULT = exponential(Duration.ofSeconds(1), Duration.ofSeconds(30));

    /**
     * The wait before retry number {@code retry}.
     *
     * @param retry 0 before the first retry, 1 before the second, ...
     * @param retryAfter the server's {@code Retry-After}, or {@code null} when it sent none (or failed to answer)
     */
    Duration delay(int retry, Duration retryAfter);

    /**
     * {@code min * 2^retry}, at most {@code max}; a {@code Retry-After} replaces it, also capped at {@code max} so a
     * server cannot stall a tick for longer than the caller allows.
     *
     * @throws IllegalArgumentException if {@code min} is negative or {@code max < min}
     */
    static Backoff exponential(Duration min, Duration max) {
      Objects.requireNonNull(min, "min == null");
      Objects.requireNonNull(max, "max == null");
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("backoff needs 0 <= min <= max, but was min " + min + ", max " + max);
      }
      return (retry, retryAfter) -> {
        if (retryAfter != null) {
          return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        Duration d = retry >= 30 ? max : min.multipliedBy(1L << retry);
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
      };
    }

    /** No wait at all (for tests). */
    static Backoff none() {
      return (retry, retryAfter) -> Duration.ZERO;
    }
  }
}
