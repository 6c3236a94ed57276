package dev.canarykit.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback "Prometheus" that answers every request with a 200 and its headers, then misbehaves in the body:
 * {@link Fault#STALL} sends part of it and goes silent, {@link Fault#DRIP} sends a chunk every 100 ms forever
 * and never finishes, {@link Fault#DROP} sends part of it and closes the connection, {@link Fault#NEVER_CLOSE}
 * sends a whole answer without a length, whose end is therefore the connection's close, and never closes. Raw
 * sockets, because the JDK's server cannot be made to misbehave this way.
 */
final class FaultyServer implements AutoCloseable {
  enum Fault { STALL, DRIP, DROP, NEVER_CLOSE }

  private static final String PART = "{\"status\":\"success\",\"data\":{\"resultType\":\"vec";
  private static final String WHOLE =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"1\"]}]}}";

  private final ServerSocket listener;
  private final Fault fault;
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  FaultyServer(Fault fault) throws IOException {
    this.fault = fault;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "faulty-prometheus");
    accept.setDaemon(true);
    accept.start();
  }

  URI address() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** How many requests arrived. */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : open) {
      s.close();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "faulty-prometheus-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      readHeaders(in);
      requests.incrementAndGet();
      if (fault == Fault.DRIP) {
        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        for (;;) {
          out.write(ascii("1\r\n \r\n"));
          out.flush();
          Thread.sleep(100);
        }
      }
      if (fault == Fault.NEVER_CLOSE) {
        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + WHOLE));
        out.flush();
        Thread.sleep(Long.MAX_VALUE);
      }
      out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n" + PART));
      out.flush();
      if (fault == Fault.STALL) {
        Thread.sleep(Long.MAX_VALUE);
      }
    } catch (IOException e) {
      // the client went away, or close()
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(s);
    }
  }

  private static void readHeaders(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = ascii("\r\n\r\n");
    for (int b; matched < end.length && (b = in.read()) >= 0; ) {
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
