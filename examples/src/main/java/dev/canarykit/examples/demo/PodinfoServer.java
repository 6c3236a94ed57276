package dev.canarykit.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One version of podinfo on a loopback port, answering {@code /}, {@code /healthz} and {@code POST /token} (a JSON
 * object with a {@code token} field) with its {@link Behaviour}.
 */
final class PodinfoServer implements AutoCloseable {
  private final String version;
  private final Behaviour behaviour;
  private final HttpServer server;
  private final ExecutorService pool;

  private PodinfoServer(String version, Behaviour behaviour, HttpServer server, ExecutorService pool) {
    this.version = version;
    this.behaviour = behaviour;
    this.server = server;
    this.pool = pool;
  }

  /** Starts {@code version} with {@code behaviour}. */
  public static PodinfoServer start(String version, Behaviour behaviour) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      ExecutorService pool = Executors.newCachedThreadPool(Daemons.named("podinfo-" + version));
      PodinfoServer p = new PodinfoServer(version, behaviour, server, pool);
      server.createContext("/", p::handle);
      server.setExecutor(pool);
      server.start();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base address, {@code http://127.0.0.1:<port>}. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      behaviour.delay();
      String path = ex.getRequestURI().getPath();
      if (behaviour.fails()) {
        reply(ex, 500, "{\"error\":\"internal server error\"}");
      } else if (path.equals("/healthz") || path.equals("/readyz")) {
        reply(ex, 200, "{\"status\":\"OK\"}");
      } else if (path.equals("/token") && "POST".equals(ex.getRequestMethod())) {
        reply(ex, 200, "{\"token\":\"" + UUID.randomUUID() + "\",\"expires_at\":\"2100-01-01T00:00:00Z\"}");
      } else if (path.equals("/")) {
        reply(ex, 200, "{\"hostname\":\"podinfo\",\"version\":\"" + version
            + "\",\"message\":\"greetings from podinfo v" + version + "\"}");
      } else {
        reply(ex, 404, "{\"error\":\"not found\"}");
      }
    }
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  /**
   * How a version answers.
   *
   * @param minMillis the least time a request takes
   * @param maxMillis the most time a request takes
   * @param errorRatio the share of requests answered with HTTP 500 (0 to 1)
   */
  public record Behaviour(int minMillis, int maxMillis, double errorRatio) {
    /** Fast (1 to 5 ms) and without errors. */
    public static final Behaviour HEALTHY = new Behaviour(1, 5, 0);

    /** The behaviour of podinfo {@code version} in {@code scenario}: only 3.1.1 misbehaves. */
    public static Behaviour of(Scenario scenario, String version) {
      if (!"3.1.1".equals(version)) {
        return HEALTHY;
      }
      return switch (scenario) {
        case GOOD -> HEALTHY;
        case SLOW -> new Behaviour(600, 900, 0);
        case ERRORS -> new Behaviour(1, 5, 0.05);
      };
    }

    void delay() {
      int ms = ThreadLocalRandom.current().nextInt(minMillis, maxMillis + 1);
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    boolean fails() {
      return errorRatio > 0 && ThreadLocalRandom.current().nextDouble() < errorRatio;
    }
  }
}
