package dev.canarykit.prometheus;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Prometheus server as a query sees it: its address (a path prefix is kept), the headers copied on every
 * request, the credentials and whether TLS certificates are verified.
 *
 * @param address the base URL, e.g. {@code http://prometheus:9090} or {@code https://host/prometheus}
 * @param headers headers copied onto every request (before the {@code Authorization} header)
 * @param credentials how to authenticate
 * @param insecureSkipVerify whether TLS certificates and host names are not verified
 */
public record Endpoint(URI address, Map<String, List<String>> headers, Credentials credentials,
    boolean insecureSkipVerify) {

  public Endpoint {
    Objects.requireNonNull(address, "address == null");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    credentials = credentials == null ? Credentials.NONE : credentials;
  }

  /** A plain endpoint: no headers, no credentials, verified TLS. */
  public static Endpoint of(URI address) {
    return new Endpoint(address, Map.of(), Credentials.NONE, false);
  }

  /** The key of this endpoint's circuit breaker: the address without a trailing slash. */
  public String breakerKey() {
    return ApiUrls.base(address);
  }

  /**
   * {@code text} without this endpoint's secrets: credential values and header values of 8 or more characters
   * (which may be API keys) become {@code ***}.
   */
  public String redact(String text) {
    String out = credentials.redact(text);
    for (List<String> values : headers.values()) {
      for (String v : values) {
        out = v != null && v.length() >= 8 ? out.replace(v, "***") : out;
      }
    }
    return out;
  }

  /** Names the address and the header names only. */
  @Override
  public String toString() {
    return "Endpoint[" + breakerKey() + ", headers=" + new java.util.TreeSet<>(headers.keySet()) + ", credentials="
        + credentials + ", insecureSkipVerify=" + insecureSkipVerify + "]";
  }
}
