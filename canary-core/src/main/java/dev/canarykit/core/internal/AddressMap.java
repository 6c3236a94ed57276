package dev.canarykit.core.internal;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Rewrites webhook addresses before they are called, so that a demo or a test can send
 * {@code http://flagger-loadtester.test/} to a server on a loopback port (Java 17's {@code HttpClient} has no
 * per-client resolver). Two kinds of rule, tried in this order:
 *
 * <ul>
 *   <li>a URL prefix: {@code prefix("http://flagger-loadtester.test/", "http://127.0.0.1:18080/")} replaces the
 *       first matching prefix (rules in the order added);
 *   <li>a host: {@code host("flagger-loadtester.test", "127.0.0.1:18080")} replaces the host and port of any URL
 *       on that host; {@code host("flagger-loadtester.test:80", ...)} only when the URL's port is 80 (explicit or
 *       the scheme's default). Hosts compare case-insensitively.
 * </ul>
 *
 * Scheme, user info, path, query and fragment are kept. A URL no rule matches is called as is. Given to
 * {@code HttpWebhookClient.Builder.addresses} by the demo and the tests.
 */
public final class AddressMap implements UnaryOperator<URI> {
  /** Rewrites nothing. */
  public static final AddressMap NONE = builder().build();

  private final Map<String, String> prefixes;
  private final Map<String, String> hosts;

  private AddressMap(Builder b) {
    this.prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(b.prefixes));
    this.hosts = Map.copyOf(b.hosts);
  }

  /** Starts an empty map. */
  public static Builder builder() {
    return new Builder();
  }

  /** The address to call for {@code uri}. */
  @Override
  public URI apply(URI uri) {
    String text = uri.toString();
    for (Map.Entry<String, String> rule : prefixes.entrySet()) {
      if (text.startsWith(rule.getKey())) {
        return URI.create(rule.getValue() + text.substring(rule.getKey().length()));
      }
    }
    if (uri.getHost() == null) {
      return uri;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String to = hosts.get(host + ":" + port(uri));
    to = to != null ? to : hosts.get(host);
    return to == null ? uri : withAuthority(uri, to);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static URI withAuthority(URI uri, String hostPort) {
    StringBuilder s = new StringBuilder(uri.getScheme()).append("://");
    if (uri.getRawUserInfo() != null) {
      s.append(uri.getRawUserInfo()).append('@');
    }
    s.append(hostPort).append(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      s.append('?').append(uri.getRawQuery());
    }
    if (uri.getRawFragment() != null) {
      s.append('#').append(uri.getRawFragment());
    }
    return URI.create(s.toString());
  }

  /** Builds an {@link AddressMap}. */
  public static final class Builder {
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private final Map<String, String> hosts = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sends URLs starting with {@code from} to {@code to} followed by the rest of the URL.
     *
     * @throws IllegalArgumentException if either is empty, or {@code to} is not an absolute http(s) URL
     */
    public Builder prefix(String from, String to) {
      require(from, "from");
      URI target = URI.create(require(to, "to"));
      if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
        throw new IllegalArgumentException("prefix target must be an http(s) URL, but was " + to);
      }
      prefixes.put(from, to);
      return this;
    }

    /**
     * Sends URLs on {@code hostPort} ({@code host} or {@code host:port}) to {@code targetHostPort}
     * ({@code 127.0.0.1:18080}).
     *
     * @throws IllegalArgumentException if either is empty or {@code targetHostPort} has no port
     */
    public Builder host(String hostPort, String targetHostPort) {
      require(hostPort, "hostPort");
      URI target = URI.create("http://" + require(targetHostPort, "targetHostPort"));
      if (target.getHost() == null || target.getPort() < 0) {
        throw new IllegalArgumentException("targetHostPort must be host:port, but was " + targetHostPort);
      }
      hosts.put(hostPort.toLowerCase(Locale.ROOT), targetHostPort);
      return this;
    }

    /** The map. */
    public AddressMap build() {
      return new AddressMap(this);
    }

    private static String require(String value, String name) {
      if (Objects.requireNonNull(value, name + " == null").isEmpty()) {
        throw new IllegalArgumentException(name + " must not be empty");
      }
      return value;
    }
  }
}
