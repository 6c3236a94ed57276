package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Flux-style sharding by label: each controller watches only the Canaries its label selector selects, so two
 * controllers with disjoint selectors never tick the same Canary, without any Lease.
 */
@EnableKubernetesMockClient(crud = true)
class CanarySelectorTest {
  private static final String KEY = "sharding.fluxcd.io/key";
  KubernetesClient client;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void eachControllerTicksOnlyTheCanariesItsSelectorSelects() {
    SeedWorld w = new SeedWorld(client);
    create("keyed", Map.of(KEY, "shard1"));
    create("other", Map.of(KEY, "shard2"));
    Map<String, Set<String>> ticked = new ConcurrentHashMap<>();
    try (CanaryController shard1 = controller(w, KEY + "=shard1", "shard1", ticked);
        CanaryController main = controller(w, "!" + KEY, "main", ticked)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> ticked.getOrDefault("shard1", Set.of()).contains("keyed")
          && ticked.getOrDefault("main", Set.of()).contains("podinfo"));
      assertThat(shard1.isLeading()).isTrue();
      assertThat(main.isLeading()).isTrue();
    }
    assertThat(ticked.get("shard1")).containsExactly("keyed");
    assertThat(ticked.get("main")).containsExactly("podinfo");
  }

  @Test
  void leaderElectionAndShardingExcludeEachOther() {
    SeedWorld w = new SeedWorld(client);
    assertThatThrownBy(() -> w.config(x -> Duration.ofSeconds(1))
        .leaderElection(LeaderElection.of("test", "lead", "pod-0")).sharding(Sharding.of("test", "ck", "pod-0"))
        .build()).hasMessageContaining("leaderElection and sharding exclude each other");
  }

  private CanaryController controller(SeedWorld w, String selector, String id, Map<String, Set<String>> ticked) {
    return CanaryController.create(client, w.config(x -> Duration.ofMillis(200)).canarySelector(selector)
        .onTick(r -> ticked.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(r.canary().name()))
        .build()).start();
  }

  private void create(String name, Map<String, String> labels) {
    CanaryResource r = Canaries.seed(client);
    r.getMetadata().setName(name);
    r.getMetadata().setLabels(labels);
    client.resource(r).create();
  }
}
