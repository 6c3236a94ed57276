package dev.canarykit.prometheus;

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
 * temporary TSDB, scraping one target every second. Closing it stops the process, closes the scrape target it was
 * given and deletes the TSDB. A missing binary is an error naming how to install it, never a skip.
 *
 * <p>The one launcher of the project: canary-prometheus's tests, the examples' tests and {@code canarykit demo}
 * use it through this module's test-jar, so it needs nothing beyond the JDK.
 */
public final class PrometheusServer implements AutoCloseable {
  /** How to install the binary. */
  public static final String INSTALL =
      "sudo apt-get update && sudo apt-get install -y --no-install-recommends prometheus";
  /** How long Prometheus may take to become ready on a loaded machine. */
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private final Process process;
  private final Path dir;
  private final URI address;
  private final AutoCloseable target;

  private PrometheusServer(Process process, Path dir, URI address, AutoCloseable target) {
    this.process = process;
    this.dir = dir;
    this.address = address;
    this.target = target;
  }

  /** Starts Prometheus scraping a new {@link IstioExporter} and waits until Prometheus is ready. */
  public static PrometheusServer start() throws IOException {
    return start(new IstioExporter());
  }

  /** Starts Prometheus scraping {@code exporter} (closed with the server) and waits until it is ready. */
  public static PrometheusServer start(IstioExporter exporter) {
    return start(exporter.target(), exporter);
  }

  /**
   * Starts Prometheus scraping {@code target} ({@code host:port}, path {@code /metrics}) and waits until it is
   * ready (not until data arrives).
   *
   * @throws IllegalStateException if the binary is missing, or Prometheus does not become ready (with its log)
   */
  public static PrometheusServer start(String target) {
    return start(target, () -> {});
  }

  private static PrometheusServer start(String target, AutoCloseable owned) {
    try {
      Path binary = binary();
      Path dir = Files.createTempDirectory("canarykit-prometheus");
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n"
          + "  - job_name: istio\n    static_configs:\n      - targets: ['" + target + "']\n");
      int port = freePort();
      Process p = new ProcessBuilder(List.of(binary.toString(), "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
          "--storage.tsdb.retention.time=1h")).redirectErrorStream(true)
          .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
      PrometheusServer server = new PrometheusServer(p, dir, URI.create("http://127.0.0.1:" + port), owned);
      server.awaitReady();
      return server;
    } catch (IOException | RuntimeException e) {
      closeQuietly(owned);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** The binary: {@code $PROMETHEUS_BIN}, else {@code /usr/bin/prometheus}. */
  public static Path binary() {
    String configured = System.getenv("PROMETHEUS_BIN");
    Path p = Path.of(configured != null && !configured.isEmpty() ? configured : "/usr/bin/prometheus");
    if (!Files.isExecutable(p)) {
      throw new IllegalStateException("Prometheus is missing at " + p + "; install it with `" + INSTALL
          + "` (or set PROMETHEUS_BIN)");
    }
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Polls {@code /-/ready} until it answers 200; the JDK only, so the demo can use it too. */
  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(READY_WITHIN);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        if (http.send(HttpRequest.newBuilder(address.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
        TimeUnit.MILLISECONDS.sleep(100);
      } catch (IOException notListeningYet) {
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    String log = Files.readString(dir.resolve("prometheus.log"));
    String why = process.isAlive() ? "did not become ready within " + READY_WITHIN.toSeconds() + " s"
        : "exited with " + process.exitValue();
    close();
    throw new IllegalStateException("Prometheus " + why + "; its log:\n" + log);
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(100);
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
    closeQuietly(target);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // the scrape target is a loopback test server; failing to stop it changes nothing for the caller
    }
  }
}
