package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Prometheus HTTP API on {@code java.net.http}: instant queries ({@code /api/v1/query}) and range queries
 * ({@code /api/v1/query_range}) under an address whose path prefix is kept. Queries are whitespace-collapsed and
 * sent as {@code GET}, or form-encoded {@code POST} when longer than {@link #DEFAULT_POST_THRESHOLD} characters.
 * Every request carries the endpoint's headers (copied per request) and its {@code Authorization} header.
 * Retries and the circuit breaker follow {@link ResilienceSettings}. No method throws for a failed query: failures
 * are values whose messages never contain credentials.
 *
 * <p><b>Deadlines.</b> Each attempt, headers and body together, ends within the query timeout (default
 * {@link PrometheusDefaults#QUERY_TIMEOUT}); each call, all attempts and the backoff between them included, ends
 * within the call timeout (default twice the query timeout). A server that answers its headers and then stalls,
 * drips or never closes the body costs one query timeout, not one per retry: a response that fails after its
 * headers is not retried.
 *
 * <pre>{@code
 * PrometheusClient client = PrometheusClient.builder().httpClient(myHttpClient).build();
 * MetricResult r = client.instant(Endpoint.of(URI.create("http://prometheus:9090")), "vector(1)", null);
 * }</pre>
 */
public final class PrometheusClient {
  /** Queries longer than this many characters (form-encoded) are sent as POST. */
  public static final int DEFAULT_POST_THRESHOLD = 2048;
  /** Largest instant-query body read, in bytes. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
  /** Largest range-query body read, in bytes. */
  public static final long DEFAULT_MAX_RANGE_BODY_BYTES = 256L << 20;

  private final Duration timeout;
  private final int maxBodyBytes;
  private final int postThreshold;
  private final Exchange exchange;

  private PrometheusClient(Builder b) {
    this.timeout = b.timeout;
    this.maxBodyBytes = b.maxBodyBytes;
    this.postThreshold = b.postThreshold;
    var trusted = b.caCertificates.isEmpty() ? null : HttpClients.trusting(b.caCertificates);
    Duration call = b.callTimeout != null ? b.callTimeout : b.timeout.multipliedBy(2);
    this.exchange = new Exchange(new HttpClients(b.httpClient, trusted, b.timeout), b.resilience, b.timeout, call);
  }

  /** Starts a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs an instant query.
   *
   * @param endpoint the Prometheus to ask
   * @param promql the query
   * @param time the evaluation time, or {@code null} for Prometheus' "now" (as Flagger)
   * @return a value, no data ({@code no values found}) or an error; never {@code null}, never thrown
   */
  MetricResult instant(Endpoint endpoint, String promql, Instant time) {
    MetricResult r = send(endpoint, "query", instantParams(promql, time), (status, in) -> {
      if (status >= 400) {
        byte[] head = in.readNBytes(Excerpts.MAX * 16);
        return new MetricError(HttpErrors.describe(status, head, head.length), false);
      }
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? new MetricError("response body exceeds " + maxBodyBytes + " bytes", false)
          : InstantReader.read(status, body, body.length);
    }, m -> new MetricError(m, false));
    return r instanceof MetricError e ? new MetricError(endpoint.redact(e.message()), false) : r;
  }

  /**
   * Runs an instant query whose answer must be a vector, keeping every series' labels (for the judge's counts).
   *
   * @param time the evaluation time, or {@code null} for Prometheus' "now"
   * @return the series or an error; never {@code null}, never thrown
   */
  VectorResult vector(Endpoint endpoint, String promql, Instant time) {
    VectorResult r = send(endpoint, "query", instantParams(promql, time), (status, in) -> {
      byte[] body = in.readNBytes(status >= 400 ? Excerpts.MAX * 16 : maxBodyBytes + 1);
      return status < 400 && body.length > maxBodyBytes
          ? new VectorResult.Error("response body exceeds " + maxBodyBytes + " bytes")
          : VectorReader.read(status, body, body.length);
    }, VectorResult.Error::new);
    return r instanceof VectorResult.Error e ? new VectorResult.Error(endpoint.redact(e.message())) : r;
  }

  private static Map<String, String> instantParams(String promql, Instant time) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", QueryText.collapse(promql));
    if (time != null) {
      params.put("time", seconds(time));
    }
    return params;
  }

  /**
   * Runs a range query, reading the response as a stream.
   *
   * @return the series or an error; never {@code null}, never thrown
   */
  RangeResult range(Endpoint endpoint, RangeQuery query) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", QueryText.collapse(query.promql()));
    params.put("start", seconds(query.start()));
    params.put("end", seconds(query.end()));
    params.put("step", seconds(Instant.EPOCH.plus(query.step())));
    RangeResult r = send(endpoint, "query_range", params,
        (status, in) -> RangeReader.read(status, in, DEFAULT_MAX_RANGE_BODY_BYTES), RangeResult.Error::new);
    return r instanceof RangeResult.Error e ? new RangeResult.Error(endpoint.redact(e.message())) : r;
  }

  /**
   * Reads the server's command-line flags ({@code /api/v1/status/flags}), for checks such as the retention.
   *
   * @return the flags, or empty when the server does not publish them or cannot be read
   */
  java.util.Optional<Map<String, String>> flags(Endpoint endpoint) {
    return send(endpoint, "status/flags", Map.of(), FlagsReader::read, m -> java.util.Optional.empty());
  }

  /**
   * How many queries failed with an exception no part of the client expected (a bug here or in the caller's
   * {@code HttpClient}), including the query plans and per-version counts of the {@link PrometheusMetricSource}s
   * built on this client (a template lookup or secret resolver that threw). Each such query is a failed query like
   * any other; each kind of exception is also logged once, with its stack trace.
   */
  public long unexpectedFailures() {
    return exchange.unexpectedFailures();
  }

  /** Counts and logs {@code e}, which {@code what} threw outside a request. */
  void unexpected(String what, RuntimeException e) {
    exchange.unexpected(what, e);
  }

  /** The state of the circuit breaker of {@code endpoint}'s address. */
  CircuitBreaker.State breakerState(Endpoint endpoint) {
    return exchange.breaker(endpoint).getState();
  }

  private <T> T send(Endpoint e, String api, Map<String, String> params, Exchange.Handler<T> handler,
      java.util.function.Function<String, T> onError) {
    HttpRequest request;
    try {
      request = request(e, api, params);
    } catch (IllegalArgumentException bad) {
      return onError.apply(bad.getMessage());
    }
    return exchange.send(e, request, handler, onError);
  }

  private HttpRequest request(Endpoint e, String api, Map<String, String> params) {
    String form = ApiUrls.form(params);
    var uri = ApiUrls.api(e.address(), api);
    HttpRequest.Builder b = form.length() > postThreshold
        ? HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(form))
            .header("Content-Type", "application/x-www-form-urlencoded")
        : HttpRequest.newBuilder(java.net.URI.create(uri + "?" + form)).GET();
    b.timeout(timeout).header("Accept", "application/json");
    for (Map.Entry<String, List<String>> h : e.headers().entrySet()) {
      for (String value : h.getValue()) {
        header(b, h.getKey(), value);
      }
    }
    e.credentials().authorization().ifPresent(v -> b.setHeader("Authorization", v));
    return b.build();
  }

  private static void header(HttpRequest.Builder b, String name, String value) {
    try {
      b.header(name, value);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("provider header " + SafeValues.quote(name)
          + " cannot be sent (restricted or malformed name or value)", bad);
    }
  }

  private static String seconds(Instant t) {
    long ms = t.toEpochMilli();
    return Math.floorDiv(ms, 1000) + "." + String.format(java.util.Locale.ROOT, "%03d", Math.floorMod(ms, 1000));
  }

  /** Builds a {@link PrometheusClient}. */
  public static final class Builder {
    private HttpClient httpClient;
    private Collection<X509Certificate> caCertificates = List.of();
    private Duration timeout = PrometheusDefaults.QUERY_TIMEOUT;
    private Duration callTimeout;
    private ResilienceSettings resilience = ResilienceSettings.ofDefaults();
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int postThreshold = DEFAULT_POST_THRESHOLD;

    private Builder() {}

    /** The caller's client (never closed here); its own TLS settings apply. Default: a client built here. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** CA certificates the client built here trusts (instead of the JDK's); ignored with {@link #httpClient}. */
    public Builder caCertificates(Collection<X509Certificate> certificates) {
      this.caCertificates = List.copyOf(certificates);
      return this;
    }

    /** The most one attempt may take, connecting, headers and body together; positive; default 5 s. */
    public Builder queryTimeout(Duration t) {
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException("queryTimeout must be positive: " + t);
      }
      this.timeout = t;
      return this;
    }

    /**
     * The most one query may take, every attempt and the backoff between them included; positive; default twice
     * the query timeout. A retry starts only when its backoff ends before this deadline.
     */
    public Builder callTimeout(Duration t) {
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException("callTimeout must be positive: " + t);
      }
      this.callTimeout = t;
      return this;
    }

    /** Retry and circuit-breaker settings; default {@link ResilienceSettings#ofDefaults()}. */
    public Builder resilience(ResilienceSettings settings) {
      this.resilience = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    /** Largest instant-query body, in bytes (at least 1); default 1 MiB. */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes < 1: " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** Form-encoded length above which queries are POSTed; default {@value PrometheusClient#DEFAULT_POST_THRESHOLD}. */
    public Builder postThreshold(int chars) {
      this.postThreshold = chars;
      return this;
    }

    public PrometheusClient build() {
      return new PrometheusClient(this);
    }
  }
}
