package dev.canarykit.core.webhook;

import static dev.canarykit.core.webhook.WebhookFixtures.CANARY;
import static dev.canarykit.core.webhook.WebhookFixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.webhook.LoopbackServer.Response;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS against an HttpsServer with the self-signed certificate in {@code webhook/selfsigned.p12} (CN=localhost,
 * SAN localhost and 127.0.0.1). A server on 127.0.0.2, which the certificate does not name, shows the host check.
 */
class WebhookTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static KeyStore keyStore;
  private LoopbackServer server;

  @BeforeAll
  static void load() throws Exception {
    keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = WebhookTlsTest.class.getResourceAsStream("/webhook/selfsigned.p12")) {
      keyStore.load(in, PASSWORD);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static SSLContext serverContext() throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  /** A caller-owned client that trusts the self-signed certificate and checks host names as usual. */
  private static HttpClient trustingClient() throws Exception {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(keyStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }

  private Outcome post(HttpWebhookClient client, InetAddress address, boolean disableTLS) throws Exception {
    server = LoopbackServer.https(serverContext(), address, Response.of(200, "ok"));
    WebhookSpec hook = WebhookSpec.builder("tls", server.url("/hook")).timeout("5s").retries(3).disableTLS(disableTLS)
        .build();
    return client.call(CANARY, call(hook));
  }

  @Test
  void anUntrustedCertificateFailsWithoutRetrying() throws Exception {
    Outcome o = post(HttpWebhookClient.builder().build(), InetAddress.getLoopbackAddress(), false);
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) o).message()).startsWith("POST https://127.0.0.1:")
        .contains("TLS failed: ").contains("certification path");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void disableTlsAcceptsTheSelfSignedCertificate() throws Exception {
    assertThat(post(HttpWebhookClient.builder().build(), InetAddress.getLoopbackAddress(), true))
        .isEqualTo(Outcome.OK);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aCallerClientThatTrustsTheCertificateSucceeds() throws Exception {
    HttpWebhookClient client = HttpWebhookClient.builder().httpClient(trustingClient()).build();
    assertThat(post(client, InetAddress.getLoopbackAddress(), false)).isEqualTo(Outcome.OK);
  }

  @Test
  void aTrustedCertificateForAnotherHostFailsTheHostCheck() throws Exception {
    HttpWebhookClient client = HttpWebhookClient.builder().httpClient(trustingClient()).build();
    Outcome o = post(client, InetAddress.getByName("127.0.0.2"), false);
    assertThat(((Outcome.Failed) o).message()).contains("TLS failed: ").contains("No subject alternative names");
  }

  @Test
  void disableTlsSkipsTheHostCheckForThatHookOnly() throws Exception {
    HttpWebhookClient client = HttpWebhookClient.builder().httpClient(trustingClient()).build();
    assertThat(post(client, InetAddress.getByName("127.0.0.2"), true)).isEqualTo(Outcome.OK);
    assertThat(System.getProperty("jdk.internal.httpclient.disableHostnameVerification")).isNull();
    server.close();
    Outcome verifying = post(client, InetAddress.getByName("127.0.0.2"), false);
    assertThat(verifying).isInstanceOf(Outcome.Failed.class);
  }
}
