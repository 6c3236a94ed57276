package dev.canarykit.k8s.alert;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** One HTTP client per provider proxy ({@code spec.proxy}), made on first use and kept. */
final class ProxyClients implements Function<URI, HttpClient> {
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
  private final Duration connectTimeout;

  ProxyClients(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @Override
  public HttpClient apply(URI proxy) {
    int port = proxy.getPort() >= 0 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
    return clients.computeIfAbsent(proxy.getHost() + ":" + port, k -> HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), port))).connectTimeout(connectTimeout).build());
  }
}
