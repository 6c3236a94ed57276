package dev.canarykit.prometheus;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The HTTP clients of a {@link PrometheusClient}: the caller's (or one built with the trusted CA certificates),
 * and, built on first use, one that skips TLS verification for providers with {@code insecureSkipVerify}.
 * Clients built here need no closing on Java 17; the caller's client is never closed.
 */
final class HttpClients {
  private final HttpClient verified;
  private final Duration connectTimeout;
  private volatile HttpClient insecure;

  HttpClients(HttpClient callers, SSLContext trusted, Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
    this.verified = callers != null ? callers : build(trusted);
  }

  /** The client for {@code endpoint}. */
  HttpClient forEndpoint(Endpoint endpoint) {
    if (!endpoint.insecureSkipVerify()) {
      return verified;
    }
    HttpClient c = insecure;
    if (c == null) {
      synchronized (this) {
        c = insecure == null ? insecure = build(dev.canarykit.core.internal.InsecureTls.trustAllContext()) : insecure;
      }
    }
    return c;
  }

  private HttpClient build(SSLContext context) {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL);
    return (context == null ? b : b.sslContext(context)).build();
  }

  /** An SSL context that trusts exactly {@code certificates}. */
  static SSLContext trusting(java.util.Collection<X509Certificate> certificates) {
    try {
      var store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate c : certificates) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("cannot build a trust store from the CA certificates: " + e.getMessage(), e);
    }
  }
}
