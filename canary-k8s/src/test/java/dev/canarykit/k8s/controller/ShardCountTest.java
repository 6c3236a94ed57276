package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.ScriptedMetricSource;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rolling change of the number of shards: while a live replica of the group counts the shards otherwise (its
 * Lease says so), a new replica takes no shard; once that Lease expires it takes them all, and its Leases say how
 * many shards it counts.
 */
@EnableKubernetesMockClient(crud = true)
class ShardCountTest {
  KubernetesClient client;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aReplicaTakesNoShardWhileAnotherCountsThemOtherwise() {
    Canaries.installCrds(client);
    client.resource(new LeaseBuilder().withNewMetadata().withName("canarykit-replica-0").withNamespace("test")
        .addToLabels(Sharding.GROUP_LABEL, "canarykit").addToAnnotations(Sharding.SHARDS_ANNOTATION, "4")
        .endMetadata().withNewSpec().withHolderIdentity("old-replica").withLeaseDurationSeconds(10)
        .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build()).create();
    ControllerConfig config = ControllerConfig.builder().router(new InMemoryTrafficRouter())
        .metrics(new ScriptedMetricSource()).webhooks(new InMemoryWebhookClient()).namespace("test")
        .sharding(new Sharding("test", "canarykit", "new-replica", 6, Duration.ofSeconds(10), Duration.ofSeconds(6),
            Duration.ofSeconds(1))).build();
    try (CanaryController c = CanaryController.create(client, config).start()) {
      await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(9)).until(() -> !c.isLeading());
      await().atMost(Duration.ofSeconds(60)).until(() -> c.heldShards().size() == 6);
      Lease shard = client.resources(Lease.class).inNamespace("test").withName("canarykit-shard-5").get();
      assertThat(shard.getSpec().getHolderIdentity()).isEqualTo("new-replica");
      assertThat(shard.getMetadata().getAnnotations()).containsEntry(Sharding.SHARDS_ANNOTATION, "6");
    }
    assertThat(client.resources(Lease.class).inNamespace("test").withName("canarykit-shard-5").get().getSpec()
        .getHolderIdentity()).as("given back on stop").isEmpty();
  }
}
