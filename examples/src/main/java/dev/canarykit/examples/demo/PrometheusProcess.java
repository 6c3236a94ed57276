package dev.canarykit.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (the Debian package's binary, or {@code $PROMETHEUS_BIN}) on a free loopback port with a
 * temporary TSDB, scraping one target every second. Closing it stops the process and deletes the TSDB.
 */
public final class PrometheusProcess implements AutoCloseable {
  /** How to install the binary. */
  public static final String INSTALL =
      "sudo apt-get update && sudo apt-get install -y --no-install-recommends prometheus";

  private final Process process;
  private final Path dir;
  private final URI address;

  private PrometheusProcess(Process process, Path dir, URI address) {
    this.process = process;
    this.dir = dir;
    this.address = address;
  }

  /** The binary the demo runs. */
  public static Path binary() {
    String configured = System.getenv("PROMETHEUS_BIN");
    return Path.of(configured != null && !configured.isEmpty() ? configured : "/usr/bin/prometheus");
  }

  /**
   * Starts Prometheus scraping {@code target} ({@code host:port}, path {@code /metrics}) and waits until ready.
   *
   * @throws IllegalStateException if the binary is missing or Prometheus does not become ready (with its log)
   */
  public static PrometheusProcess start(String target) {
    Path binary = binary();
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("Prometheus is missing at " + binary + "; install it with: " + INSTALL
          + " (or set PROMETHEUS_BIN)");
    }
    try {
      Path dir = Files.createTempDirectory("canarykit-demo-prometheus");
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n"
          + "  - job_name: istio-mesh\n    static_configs:\n      - targets: ['" + target + "']\n");
      int port = freePort();
      Process p = new ProcessBuilder(List.of(binary.toString(), "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
          "--storage.tsdb.retention.time=1h")).redirectErrorStream(true)
          .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
      PrometheusProcess prometheus = new PrometheusProcess(p, dir, URI.create("http://127.0.0.1:" + port));
      prometheus.awaitReady();
      return prometheus;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        var r = http.send(HttpRequest.newBuilder(address.resolve("/-/ready")).timeout(Duration.ofSeconds(1))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(100);
    }
    String log = Files.readString(dir.resolve("prometheus.log"));
    close();
    throw new IllegalStateException("Prometheus did not become ready; its log:\n" + log);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The HTTP API's base address. */
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
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
