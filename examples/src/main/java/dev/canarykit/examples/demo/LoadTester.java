package dev.canarykit.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Flagger's load tester for the demo, on a loopback port. A webhook whose {@code metadata.type} is {@code bash}
 * runs synchronously: 200 when it passes, 500 with the error when it fails. Any other hook is accepted at once
 * (202) and runs in the background; an identical command still running is not started twice. Only the
 * {@link LoadTestCommand}s are understood (400 otherwise); requests go through the {@link Mesh}.
 */
final class LoadTester implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The load tester's workload: {@code flagger-loadtester} in {@code test}, as in the seed. */
  static final Mesh.Caller CALLER = new Mesh.Caller(EmbeddedCluster.TEST, "flagger-loadtester");

  private final Mesh mesh;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool(Daemons.named("loadtester"));
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private LoadTester(Mesh mesh, HttpServer server) {
    this.mesh = mesh;
    this.server = server;
  }

  /** Starts on a free loopback port. */
  public static LoadTester start(Mesh mesh) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      LoadTester tester = new LoadTester(mesh, server);
      server.createContext("/", tester::handle);
      server.setExecutor(tester.pool);
      server.start();
      return tester;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The address to map {@code flagger-loadtester.test} to: {@code 127.0.0.1:<port>}. */
  public String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode metadata = JSON.readTree(ex.getRequestBody()).path("metadata");
      String cmd = metadata.path("cmd").asText("");
      Optional<LoadTestCommand> command = LoadTestCommand.parse(cmd);
      if (cmd.isEmpty()) {
        reply(ex, 400, "cmd not found");
      } else if (command.isEmpty()) {
        reply(ex, 400, "the demo's load tester runs only the seed's curl and hey commands, not: " + cmd);
      } else if ("bash".equals(metadata.path("type").asText())) {
        Optional<String> error = run(command.get());
        reply(ex, error.isEmpty() ? 200 : 500, error.map(e -> "command " + cmd + " failed: " + e).orElse(""));
      } else {
        if (running.add(cmd)) {
          pool.execute(() -> {
            try {
              run(command.get());
            } finally {
              running.remove(cmd);
            }
          });
        }
        reply(ex, 202, "");
      }
    } catch (IOException e) {
      reply(ex, 400, "payload is not JSON: " + e.getMessage());
    }
  }

  /** Whether {@code cmd} is running in the background. */
  boolean isRunning(String cmd) {
    return running.contains(cmd);
  }

  /** Runs a command; the error text when it fails. */
  private Optional<String> run(LoadTestCommand command) {
    if (command instanceof LoadTestCommand.Curl c) {
      Mesh.Response r = mesh.send(CALLER, c.url(), "POST", path(c.url()), c.body());
      return r.body().contains(c.word()) ? Optional.empty()
          : Optional.of(r.body().trim() + ": exit status 1");
    }
    LoadTestCommand.Hey h = (LoadTestCommand.Hey) command;
    Instant end = Instant.now().plus(h.duration());
    var workers = new java.util.ArrayList<java.util.concurrent.Future<?>>();
    for (int i = 0; i < h.workers(); i++) {
      workers.add(pool.submit(() -> worker(h, end)));
    }
    for (var w : workers) {
      try {
        w.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        return Optional.of(String.valueOf(e.getCause()));
      }
    }
    return Optional.empty();
  }

  private void worker(LoadTestCommand.Hey h, Instant end) {
    long gapNanos = h.ratePerWorker() > 0 ? (long) (1e9 / h.ratePerWorker()) : 0;
    String path = path(h.url());
    while (!closed && Instant.now().isBefore(end)) {
      long start = System.nanoTime();
      mesh.send(CALLER, h.url(), "GET", path, null);
      long rest = gapNanos - (System.nanoTime() - start);
      if (rest > 0) {
        try {
          Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static String path(String url) {
    String p = java.net.URI.create(url).getRawPath();
    return p == null || p.isEmpty() ? "/" : p;
  }

  private static void reply(HttpExchange ex, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    pool.shutdownNow();
  }
}
