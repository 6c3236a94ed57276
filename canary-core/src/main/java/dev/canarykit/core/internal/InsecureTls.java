package dev.canarykit.core.internal;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client for hooks with {@code disableTLS: true}: it accepts any certificate for any host name. Host names
 * are checked inside the trust manager (the JDK's own one), so a trust manager that checks nothing skips them
 * too, for this client only; the JVM-wide {@code jdk.internal.httpclient.disableHostnameVerification} property
 * stays untouched.
 */
public final class InsecureTls {
  private InsecureTls() {}

  /** A new client that trusts every server; redirects as Go's client follows them. */
  public static HttpClient client() {
    SSLParameters parameters = new SSLParameters();
    parameters.setEndpointIdentificationAlgorithm(null);
    return HttpClient.newBuilder().sslContext(context()).sslParameters(parameters)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /**
   * A TLS context that trusts every certificate and host name, for the options that ask for it explicitly
   * (a webhook's {@code disableTLS}, a metric provider's {@code insecureSkipVerify}). Never a default.
   */
  public static SSLContext trustAllContext() {
    return context();
  }

  private static SSLContext context() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAll()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is required by every JDK", e);
    }
  }

  /** Trusts every chain, and (being an extended manager) makes the JDK skip its host-name check. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
