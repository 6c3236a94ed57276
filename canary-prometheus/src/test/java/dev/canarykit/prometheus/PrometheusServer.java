package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real Prometheus (the Debian {@code prometheus} binary) on a free loopback port with a temporary TSDB, scraping
 * an {@link IstioExporter} every second. Fails, never skips, when the binary is missing.
 */
public final class PrometheusServer implements AutoCloseable {
  private static final String INSTALL = "apt-get update && apt-get install -y --no-install-recommends prometheus";

  private final IstioExporter exporter;
  private final Path dir;
  private final Process process;
  private final URI address;

  private PrometheusServer(IstioExporter exporter, Path dir, Process process, URI address) {
    this.exporter = exporter;
    this.dir = dir;
    this.process = process;
    this.address = address;
  }

  /** Starts Prometheus and its scrape target and waits until Prometheus is ready (not until data arrives). */
  public static PrometheusServer start() throws IOException {
    return start(new IstioExporter());
  }

  /** Starts Prometheus scraping {@code exporter} (closed with the server) and waits until it is ready. */
  public static PrometheusServer start(IstioExporter exporter) throws IOException {
    Path binary;
    try {
      binary = binary();
    } catch (AssertionError e) {
      exporter.close();
      throw e;
    }
    Path dir = Files.createTempDirectory("canary-prometheus-test");
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n"
        + "  - job_name: istio\n    static_configs:\n      - targets: ['" + exporter.target() + "']\n");
    int port = freePort();
    Process p = new ProcessBuilder(List.of(binary.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
        "--storage.tsdb.retention.time=1h")).redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    PrometheusServer server = new PrometheusServer(exporter, dir, p, URI.create("http://127.0.0.1:" + port));
    try {
      server.awaitReady();
    } catch (RuntimeException | Error e) {
      String log = Files.readString(dir.resolve("prometheus.log"));
      server.close();
      throw new AssertionError("Prometheus did not become ready; its log:\n" + log, e);
    }
    return server;
  }

  private static Path binary() {
    String configured = System.getenv("PROMETHEUS_BIN");
    Path p = Path.of(configured != null ? configured : "/usr/bin/prometheus");
    if (!Files.isExecutable(p)) {
      fail("The Prometheus binary is missing at " + p + ": these tests need a real Prometheus. Install it with `"
          + INSTALL + "` (or set PROMETHEUS_BIN).");
    }
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    Awaitility.await("Prometheus /-/ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .ignoreExceptions().until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("Prometheus exited with " + process.exitValue());
          }
          return http.send(HttpRequest.newBuilder(address.resolve("/-/ready")).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
  }

  public URI address() {
    return address;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    exporter.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
