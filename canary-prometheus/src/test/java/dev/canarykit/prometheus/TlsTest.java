package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricValue;
import io.github.resilience4j.core.IntervalFunction;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS: the JDK's trust by default, a custom CA, and insecureSkipVerify; a self-signed server made by keytool. */
class TlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static HttpsServer server;
  private static X509Certificate certificate;
  private static URI address;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "server", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD);
    }
    certificate = (X509Certificate) ks.getCertificate("server");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx));
    server.createContext("/", ex -> {
      byte[] body = FixedServer.vector("1").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    address = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static PrometheusClient.Builder client() {
    return PrometheusClient.builder()
        .resilience(ResilienceSettings.ofDefaults().withMaxAttempts(1).withBackoff(IntervalFunction.of(1)));
  }

  @Test
  void anUntrustedCertificateIsAnError() {
    var r = client().build().instant(Endpoint.of(address), "vector(1)", null);
    assertThat(r).isInstanceOf(MetricError.class);
    assertThat(((MetricError) r).message()).startsWith("request failed: " + address + ": SSLHandshakeException");
  }

  @Test
  void aCustomCaIsTrusted() {
    var r = client().caCertificates(List.of(certificate)).build().instant(Endpoint.of(address), "vector(1)", null);
    assertThat(r).isEqualTo(new MetricValue(1));
  }

  @Test
  void insecureSkipVerifyAcceptsAnyCertificate() {
    Endpoint insecure = new Endpoint(address, Map.of(), Credentials.NONE, true);
    assertThat(client().build().instant(insecure, "vector(1)", null)).isEqualTo(new MetricValue(1));
  }
}
