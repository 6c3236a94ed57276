package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.driver.CanaryListener;
import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a take-over and an idle tick cost, counted rather than timed: the canaries are counted once per namespace
 * at a take-over (Flagger's flagger_canary_total used to list and count the cache for every canary scheduled and
 * every status update: quadratic), and an idle tick neither maps nor validates its unchanged Canary again.
 */
@EnableKubernetesMockClient(crud = true)
class TakeOverCostTest {
  private static final int CANARIES = 12;
  KubernetesClient client;

  @Test
  void aTakeOverCountsOnceAndIdleTicksDoNotValidateAgain() {
    SeedWorld w = new SeedWorld(client);
    for (int i = 1; i < CANARIES; i++) {
      CanaryResource r = Canaries.seed(client);
      r.getMetadata().setName("podinfo-" + i);
      client.resource(r).create();
    }
    List<Long> counted = new CopyOnWriteArrayList<>();
    AtomicInteger tookOver = new AtomicInteger();
    CanaryListener listener = new CanaryListener() {
      @Override
      public void canariesCounted(String namespace, long count) {
        counted.add(count);
      }
    };
    ControllerListener scheduling = new ControllerListener() {
      @Override
      public void tookOver(int canaries, Duration took) {
        tookOver.set(canaries);
      }
    };
    var config = w.config(c -> Duration.ofMillis(200)).listener(listener).controllerListener(scheduling).build();
    try (CanaryController c = CanaryController.create(client, config).start()) {
      assertThat(tookOver).hasValue(CANARIES);
      assertThat(counted).as("counts reported by the take-over").containsExactly((long) CANARIES);
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        w.rollOut();
        return initialized() == CANARIES;
      });
      assertThat(counted).as("status updates count nothing").containsExactly((long) CANARIES);

      // the informer catches up with the Initialized writes within a round or two of ticks; then the fleet is idle
      int settled = w.reports.size();
      await().atMost(Duration.ofSeconds(120)).until(() -> w.reports.size() >= settled + 3 * CANARIES);
      int ticksBefore = w.reports.size();
      long resolutions = c.resolutions();
      await().atMost(Duration.ofSeconds(120)).until(() -> w.reports.size() >= ticksBefore + 5 * CANARIES);
      assertThat(c.resolutions()).as("Canaries mapped and validated during %s idle ticks",
          w.reports.size() - ticksBefore).isEqualTo(resolutions);

      client.resources(CanaryResource.class).inNamespace(SeedWorld.NS).withName("podinfo-1").delete();
      await().atMost(Duration.ofSeconds(20)).until(() -> counted.contains((long) CANARIES - 1));
    }
  }

  private long initialized() {
    return client.resources(CanaryResource.class).inNamespace(SeedWorld.NS).list().getItems().stream()
        .filter(r -> r.getStatus() != null && CanaryStatusMapping.toCore(r.getStatus()).phase() == Phase.INITIALIZED)
        .count();
  }
}
