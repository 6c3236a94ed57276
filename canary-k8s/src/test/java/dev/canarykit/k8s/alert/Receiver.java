package dev.canarykit.k8s.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/** A loopback HTTP receiver that records every request and answers a status per path (200 by default). */
final class Receiver implements AutoCloseable {
  /**
   * One request.
   *
   * @param path the path, with the query when there is one
   * @param authorization the Authorization header, or {@code null}
   * @param contentType the Content-Type header
   * @param body the body
   */
  record Request(String path, String authorization, String contentType, String body) {}

  final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  volatile CountDownLatch gate = new CountDownLatch(0);
  private final HttpServer server;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String query = ex.getRequestURI().getRawQuery();
    String path = ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    requests.add(new Request(path, ex.getRequestHeaders().getFirst("Authorization"),
        ex.getRequestHeaders().getFirst("Content-Type"), body));
    int status = statuses.getOrDefault(ex.getRequestURI().getRawPath(), 200);
    byte[] answer = (status >= 300 ? "no such hook token-123" : "ok").getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, answer.length);
    ex.getResponseBody().write(answer);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
