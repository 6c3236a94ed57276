package dev.canarykit.k8s.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;

/**
 * The client a controller's ticks talk to the API server with: the caller's client (same connection pool, TLS,
 * credentials and interceptors) with every request bounded. fabric8 ends each attempt at its request timeout plus
 * at most 5 s, and retries a connection error or a 5xx after 100 ms, 200 ms, ...; with the caller's defaults (10 s,
 * 10 retries) one call against a stalled API server could take four and a half minutes. The derived client shares
 * the caller's HTTP client and so is never closed here.
 */
final class BoundedRequests {
  /** fabric8 7.5.2 gives each attempt its timeout plus up to this much more to complete. */
  static final Duration FABRIC8_GRACE = Duration.ofSeconds(5);
  private static final int FIRST_BACKOFF_MILLIS = 100;

  private BoundedRequests() {}

  /** {@code client} with each request bounded by {@code timeout} and retried at most {@code retries} times. */
  static KubernetesClient of(KubernetesClient client, Duration timeout, int retries) {
    RequestConfig bounded = new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
        .withRequestTimeout((int) timeout.toMillis()).withRequestRetryBackoffLimit(retries)
        .withRequestRetryBackoffInterval(FIRST_BACKOFF_MILLIS).build();
    return client.newClient(bounded).adapt(KubernetesClient.class);
  }

  /** The longest one call of such a client can take: every attempt at its limit, and every backoff. */
  static Duration longestCall(Duration timeout, int retries) {
    Duration attempt = timeout.plus(timeout.compareTo(FABRIC8_GRACE) < 0 ? timeout : FABRIC8_GRACE);
    Duration backoff = Duration.ofMillis(FIRST_BACKOFF_MILLIS * ((1L << retries) - 1));
    return attempt.multipliedBy(retries + 1L).plus(backoff);
  }
}
