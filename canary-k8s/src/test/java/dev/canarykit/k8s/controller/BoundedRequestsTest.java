package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.port.StatusRead;
import dev.canarykit.k8s.status.KubernetesStatusStore;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13, finding 3, for the Kubernetes calls of a tick: against an API server that never answers, a call
 * through the controller's bounded client ends within {@link BoundedRequests#longestCall}, where the caller's
 * client with fabric8's defaults would wait minutes. fabric8's timeouts end at the headers, so an answer that
 * stalls mid-body is ended by the tick deadline, which interrupts the tick's thread: fabric8 gives up at once.
 */
class BoundedRequestsTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final int RETRIES = 1;

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aStatusReadAgainstASilentApiServerEndsWithinTheBound() throws Exception {
    try (Stalled api = new Stalled(false);
        KubernetesClient callers = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
            .withMasterUrl("http://127.0.0.1:" + api.port()).withNamespace("test").build()).build()) {
      KubernetesClient bounded = BoundedRequests.of(callers, TIMEOUT, RETRIES);
      long start = System.nanoTime();
      StatusRead read = KubernetesStatusStore.create(bounded).readLatest("test", "podinfo");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(read).isInstanceOf(StatusRead.Failed.class);
      assertThat(took).isLessThan(BoundedRequests.longestCall(TIMEOUT, RETRIES).plusSeconds(5));
    }
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aStatusReadStalledMidBodyEndsWhenItsThreadIsInterrupted() throws Exception {
    try (Stalled api = new Stalled(true);
        KubernetesClient callers = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
            .withMasterUrl("http://127.0.0.1:" + api.port()).withNamespace("test").build()).build()) {
      KubernetesClient bounded = BoundedRequests.of(callers, TIMEOUT, RETRIES);
      CompletableFuture<StatusRead> read = new CompletableFuture<>();
      Thread tick = new Thread(() -> read.complete(KubernetesStatusStore.create(bounded).readLatest("test", "podinfo")));
      tick.start();
      assertThat(api.answered.await(30, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(BoundedRequests.longestCall(TIMEOUT, RETRIES).toMillis());
      assertThat(read).as("fabric8's timeouts do not cover a stalled body").isNotDone();
      tick.interrupt();
      assertThat(read.get(10, TimeUnit.SECONDS)).isInstanceOf(StatusRead.Failed.class);
    }
  }

  @Test
  void theBoundCountsEveryAttemptFabric8sGraceAndTheBackoff() {
    assertThat(BoundedRequests.longestCall(Duration.ofSeconds(10), 1)).isEqualTo(Duration.ofMillis(30_100));
    assertThat(BoundedRequests.longestCall(Duration.ofSeconds(2), 2)).isEqualTo(Duration.ofMillis(12_300));
    assertThat(BoundedRequests.longestCall(Duration.ofSeconds(10), 10)).isEqualTo(Duration.ofMillis(267_300));
  }

  /** An "API server" that accepts connections and never completes an answer. */
  private static final class Stalled implements AutoCloseable {
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final boolean headersFirst;
    final CountDownLatch answered = new CountDownLatch(1);

    Stalled(boolean headersFirst) throws IOException {
      this.headersFirst = headersFirst;
      Thread t = new Thread(this::accept, "stalled-api-server");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return listener.getLocalPort();
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
          Thread t = new Thread(() -> serve(s), "stalled-api-connection");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket s) {
      try (InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
        in.read(new byte[8192]);
        if (headersFirst) {
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"kind\":")
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          answered.countDown();
        }
        Thread.sleep(Long.MAX_VALUE);
      } catch (IOException e) {
        // closed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
