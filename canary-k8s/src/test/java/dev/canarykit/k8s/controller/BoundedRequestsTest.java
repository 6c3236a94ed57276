package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.testing.StallingServer;
import dev.canarykit.core.testing.StallingServer.Fault;
import dev.canarykit.k8s.status.KubernetesStatusStore;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
    try (StallingServer api = new StallingServer(Fault.SILENT);
        KubernetesClient callers = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
            .withMasterUrl(api.address().toString()).withNamespace("test").build()).build()) {
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
    try (StallingServer api = new StallingServer(Fault.STALL, "{\"kind\":");
        KubernetesClient callers = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
            .withMasterUrl(api.address().toString()).withNamespace("test").build()).build()) {
      KubernetesClient bounded = BoundedRequests.of(callers, TIMEOUT, RETRIES);
      CompletableFuture<StatusRead> read = new CompletableFuture<>();
      Thread tick = new Thread(() -> read.complete(KubernetesStatusStore.create(bounded).readLatest("test", "podinfo")));
      tick.start();
      assertThat(api.awaitAnswerStarted(Duration.ofSeconds(30))).isTrue();
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
}
