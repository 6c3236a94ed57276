package dev.canarykit.prometheus;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server answering scripted (status, body) responses in order, the last one repeated; it records
 * every request's URI, method and headers. Only for malformed or failing answers and header checks.
 */
public final class FixedServer implements AutoCloseable {
  public record Response(int status, String contentType, byte[] body) {
    public static Response json(int status, String body) {
      return new Response(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }
  }

  public record Request(String method, URI uri, Headers headers, String body) {}

  private final HttpServer server;
  private final ConcurrentLinkedDeque<Response> script = new ConcurrentLinkedDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FixedServer(Response... responses) throws IOException {
    script.addAll(List.of(responses));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders(), body));
      Response r = script.size() > 1 ? script.pollFirst() : script.peekFirst();
      ex.getResponseHeaders().add("Content-Type", r.contentType());
      ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(r.body());
      }
    });
    server.start();
  }

  public static String vector(String value) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":"
        + "[1700000000.5,\"" + value + "\"]}]}}";
  }

  public URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    return requests;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
