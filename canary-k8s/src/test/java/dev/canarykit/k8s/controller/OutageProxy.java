package dev.canarykit.k8s.controller;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port in front of the mock API server, so a test can take "the API server" away and
 * bring it back on the same address with its state intact (fabric8's mock server cannot be restarted).
 * {@link #stop()} closes the port and every open connection (requests fail, watches break); {@link #start()}
 * listens again on the same port.
 */
final class OutageProxy implements AutoCloseable {
  private final int target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private int port;
  private ServerSocket listener;

  OutageProxy(int target) {
    this.target = target;
  }

  /** Listens (on the same port as before, after a {@link #stop()}); returns the port. */
  synchronized int start() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = s;
    port = s.getLocalPort();
    Thread accept = new Thread(() -> accept(s), "outage-proxy-accept");
    accept.setDaemon(true);
    accept.start();
    return port;
  }

  /** Closes the port and every connection through it. */
  synchronized void stop() throws IOException {
    listener.close();
    for (Socket s : open) {
      s.close();
    }
    open.clear();
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // the other side or stop() closed the connection
      } finally {
        close(from);
        close(to);
      }
    }, "outage-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void close(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
