package dev.canarykit.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback hook receiver that answers 200 with its headers, then either goes silent mid-body ({@code drip}
 * false) or sends a byte of body every 100 ms and never finishes ({@code drip} true). Raw sockets: the JDK's server
 * cannot misbehave this way.
 */
final class StallingServer implements AutoCloseable {
  private final ServerSocket listener;
  private final boolean drip;
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  StallingServer(boolean drip) throws IOException {
    this.drip = drip;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "stalling-hook");
    t.setDaemon(true);
    t.start();
  }

  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/hook";
  }

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
        Thread t = new Thread(() -> serve(s), "stalling-hook-connection");
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
      out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
          + (drip ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: 100000\r\n\r\nbusy")));
      out.flush();
      while (drip) {
        out.write(ascii("1\r\n.\r\n"));
        out.flush();
        Thread.sleep(100);
      }
      Thread.sleep(Long.MAX_VALUE);
    } catch (IOException e) {
      // the client gave up, or close()
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(s);
    }
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
