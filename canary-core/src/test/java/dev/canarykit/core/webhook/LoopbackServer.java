package dev.canarykit.core.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** A JDK HTTP(S) server on a loopback port that records requests and answers scripted responses. */
final class LoopbackServer implements AutoCloseable {
  /** A recorded request. */
  record Request(String method, String path, String contentType, String body) {}

  /** A scripted answer; {@code block} is awaited before answering (released on close). */
  record Response(int status, String body, Map<String, String> headers, boolean block) {
    static Response of(int status, String body) {
      return new Response(status, body, Map.of(), false);
    }

    static Response withHeader(int status, String body, String name, String value) {
      return new Response(status, body, Map.of(name, value), false);
    }

    static Response hanging() {
      return new Response(200, "", Map.of(), true);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Response> script;
  private final List<Request> requests = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final String scheme;

  private LoopbackServer(HttpServer server, String scheme, Response... responses) {
    this.server = server;
    this.scheme = scheme;
    this.script = new ArrayDeque<>(List.of(responses));
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** An HTTP server answering {@code responses} in order, repeating the last. */
  static LoopbackServer http(Response... responses) {
    try {
      return new LoopbackServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0),
          "http", responses);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTPS server on {@code address} with {@code tls}'s key, answering {@code responses}. */
  static LoopbackServer https(SSLContext tls, InetAddress address, Response... responses) {
    try {
      HttpsServer s = HttpsServer.create(new InetSocketAddress(address, 0), 0);
      s.setHttpsConfigurator(new HttpsConfigurator(tls));
      return new LoopbackServer(s, "https", responses);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of {@code path} on this server. */
  String url(String path) {
    InetSocketAddress a = server.getAddress();
    return scheme + "://" + a.getAddress().getHostAddress() + ":" + a.getPort() + path;
  }

  /** {@code host:port}. */
  String hostPort() {
    return URI.create(url("/")).getAuthority();
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange x) throws IOException {
    Response r = next(new Request(x.getRequestMethod(), x.getRequestURI().getPath(),
        x.getRequestHeaders().getFirst("Content-Type"),
        new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    if (r.block()) {
      awaitRelease();
    }
    r.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  private synchronized Response next(Request request) {
    requests.add(request);
    return script.size() > 1 ? script.pollFirst() : script.peekFirst();
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
