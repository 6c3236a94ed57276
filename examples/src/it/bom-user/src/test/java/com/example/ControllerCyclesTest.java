package com.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's controller started and stopped three times on fabric8's mock API server, each time ticking a
 * Canary (whose target is missing, so its ticks write Events through the README's asynchronous sink):
 * no thread is left behind.
 */
@EnableKubernetesMockClient(crud = true)
class ControllerCyclesTest {
  KubernetesClient client;

  @Test
  void threeStartsAndStopsLeaveNoThreadBehind() {
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: flagger.app/v1beta1
        kind: Canary
        metadata: {name: podinfo, namespace: shop}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: podinfo}
          service: {port: 9898}
          analysis: {interval: 1m, threshold: 5, maxWeight: 50, stepWeight: 10}
        """, CanaryResource.class)).create();
    ControllerConfig config = Wiring.config(client, new SimpleMeterRegistry(), "canarykit-0");
    cycle(config, 1);                                      // warms up the pools of the client, which is ours
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    for (int i = 2; i <= 4; i++) {
      cycle(config, i);
    }
    await("the threads of three controllers gone").pollInSameThread().atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .noneMatch(n -> n.startsWith("canarykit"));
  }

  /** Starts the controller and stops it (twice) once its {@code n}th Event is written. */
  private void cycle(ControllerConfig config, int n) {
    CanaryController controller = CanaryController.create(client, config).start();
    await().atMost(Duration.ofMinutes(2)).until(() -> client.v1().events().inNamespace("shop").list()
        .getItems().size() >= n);
    controller.close();
    controller.close();
  }

  /**
   * The names of the live threads not in {@code before}, by identity (a leaked thread named like an older one still
   * counts), except later threads of a pool that was there (the client's pools and the common pool grow on their
   * own).
   */
  private static List<String> newThreads(Set<Thread> before) {
    Set<String> pools = before.stream().map(t -> pool(t.getName())).filter(p -> p != null)
        .collect(Collectors.toSet());
    return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).map(Thread::getName)
        .filter(n -> !pools.contains(pool(n))).sorted().toList();
  }

  /** The pool a thread's name says it belongs to ({@code pool-3-thread-}), or null. */
  private static String pool(String name) {
    for (String worker : List.of("-thread-", "ForkJoinPool.commonPool-worker-")) {
      int at = name.lastIndexOf(worker);
      if (at >= 0) {
        return name.substring(0, at + worker.length());
      }
    }
    return null;
  }
}
