package dev.canarykit.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that reads each request's headers and then misbehaves as its {@link Fault} says, for the
 * tests of every client's deadlines (webhooks, the Kubernetes API, Prometheus). Raw sockets, because the JDK's
 * server cannot be made to misbehave this way. Shared through canary-core's test-jar.
 */
public final class StallingServer implements AutoCloseable {
  /** How the server misbehaves after reading a request's headers. */
  public enum Fault {
    /** Never answers. */
    SILENT,
    /** Sends a 200 declaring {@value #DECLARED_LENGTH} bytes, then only the body, then goes silent. */
    STALL,
    /** Sends a chunked 200 and a one-byte chunk every 100 ms, forever. */
    DRIP,
    /** Sends a 200 declaring {@value #DECLARED_LENGTH} bytes, then only the body, then closes the connection. */
    DROP,
    /** Sends a 200 without a length (its end is the connection's close) and the body, and never closes. */
    NEVER_CLOSE
  }

  /** The Content-Length that {@link Fault#STALL} and {@link Fault#DROP} declare and never send in full. */
  public static final int DECLARED_LENGTH = 4096;

  private static final String HEADERS = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

  private final ServerSocket listener;
  private final Fault fault;
  private final byte[] body;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch answered = new CountDownLatch(1);
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /** A server whose body is the start of a JSON object. */
  public StallingServer(Fault fault) throws IOException {
    this(fault, "{\"status\":");
  }

  /**
   * A server that sends {@code body} as its fault says.
   *
   * @param body shorter than {@link #DECLARED_LENGTH} bytes; unused by {@link Fault#SILENT} and {@link Fault#DRIP}
   */
  public StallingServer(Fault fault, String body) throws IOException {
    this.fault = fault;
    this.body = ascii(body);
    if (this.body.length >= DECLARED_LENGTH) {
      throw new IllegalArgumentException("body must be shorter than " + DECLARED_LENGTH + " bytes");
    }
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "stalling-server");
    accept.setDaemon(true);
    accept.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** How many requests' headers arrived. */
  public int requests() {
    return requests.get();
  }

  /** Waits until the server has sent the first part of an answer; false if {@code timeout} passed first. */
  public boolean awaitAnswerStarted(Duration timeout) throws InterruptedException {
    return answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
        Thread t = new Thread(() -> serve(s), "stalling-server-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      skipHeaders(in);
      requests.incrementAndGet();
      misbehave(out);
    } catch (IOException e) {
      // the client went away, or close()
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(s);
    }
  }

  private void misbehave(OutputStream out) throws IOException, InterruptedException {
    switch (fault) {
      case SILENT -> Thread.sleep(Long.MAX_VALUE);
      case DRIP -> {
        send(out, ascii(HEADERS + "Transfer-Encoding: chunked\r\n\r\n"), new byte[0]);
        for (;;) {
          out.write(ascii("1\r\n \r\n"));
          out.flush();
          Thread.sleep(100);
        }
      }
      case NEVER_CLOSE -> {
        send(out, ascii(HEADERS + "Connection: close\r\n\r\n"), body);
        Thread.sleep(Long.MAX_VALUE);
      }
      case STALL, DROP -> {
        send(out, ascii(HEADERS + "Content-Length: " + DECLARED_LENGTH + "\r\n\r\n"), body);
        if (fault == Fault.STALL) {
          Thread.sleep(Long.MAX_VALUE);
        }
      }
    }
  }

  /** Sends the headers and the body at once, then lets {@link #awaitAnswerStarted} return. */
  private void send(OutputStream out, byte[] headers, byte[] body) throws IOException {
    out.write(headers);
    out.write(body);
    out.flush();
    answered.countDown();
  }

  private static void skipHeaders(InputStream in) throws IOException {
    byte[] end = ascii("\r\n\r\n");
    int matched = 0;
    for (int b; matched < end.length && (b = in.read()) >= 0; ) {
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
