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
 * temporary TSDB, scraping one target every second; or serving a history backfilled from OpenMetrics
 * ({@link #withHistory}) or a kept TSDB ({@link #overData}) and scraping nothing. Closing it stops the process,
 * closes the scrape target it was given and deletes the temporary TSDB. A missing binary is an error naming how to
 * install it, never a skip.
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
  /** A configuration that scrapes nothing. */
  private static final String QUIET = "global:\n  scrape_interval: 15s\n";

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
      Path dir = Files.createTempDirectory("canarykit-prometheus");
      return launch(dir, dir.resolve("data"), "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
          + "scrape_configs:\n  - job_name: istio\n    static_configs:\n      - targets: ['" + target + "']\n",
          List.of("--storage.tsdb.retention.time=1h"), owned);
    } catch (IOException e) {
      closeQuietly(owned);
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts Prometheus over the history in an OpenMetrics file, backfilled first with {@code promtool tsdb
   * create-blocks-from openmetrics} (next to the binary, else {@code /usr/bin/promtool}); it scrapes nothing. The
   * default retention (15d) applies unless {@code flags} set another.
   */
  public static PrometheusServer withHistory(Path openMetrics, List<String> flags) throws IOException {
    Path sibling = binary().resolveSibling("promtool");
    Path promtool = Files.isExecutable(sibling) ? sibling : Path.of("/usr/bin/promtool");
    Path dir = Files.createTempDirectory("canarykit-prometheus-history");
    Path data = dir.resolve("data");
    Process p = new ProcessBuilder(List.of(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics",
        openMetrics.toString(), data.toString())).redirectErrorStream(true)
        .redirectOutput(dir.resolve("promtool.log").toFile()).start();
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("promtool failed: " + Files.readString(dir.resolve("promtool.log")));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backfilling", e);
    }
    return launch(dir, data, QUIET, flags, () -> {});
  }

  /** Starts Prometheus over an existing TSDB in {@code data}, which is kept when closed; it scrapes nothing. */
  public static PrometheusServer overData(Path data) throws IOException {
    return launch(Files.createTempDirectory("canarykit-prometheus-kept"), data, QUIET, List.of(), () -> {});
  }

  private static PrometheusServer launch(Path dir, Path data, String config, List<String> flags,
      AutoCloseable owned) throws IOException {
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, config);
    int port = freePort();
    List<String> command = new java.util.ArrayList<>(List.of(binary().toString(), "--config.file=" + file,
        "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port));
    command.addAll(flags);
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    PrometheusServer server = new PrometheusServer(p, dir, URI.create("http://127.0.0.1:" + port), owned);
    server.awaitReady();
    return server;
  }

  /**
   * Stops Prometheus and copies its TSDB to {@code target}/data, next to a {@code prometheus.yml} that scrapes
   * nothing, so that the recorded history can be served again (for a backtest).
   *
   * @throws IOException if the TSDB cannot be copied ({@code target}/data must not exist yet)
   */
  public void keepData(Path target) throws IOException {
    stop();
    Path data = dir.resolve("data");
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = target.resolve("data").resolve(data.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Files.writeString(target.resolve("prometheus.yml"), QUIET);
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
    stop();
    closeQuietly(target);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
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
