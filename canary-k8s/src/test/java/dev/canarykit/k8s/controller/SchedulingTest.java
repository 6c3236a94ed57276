package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class SchedulingTest {
  KubernetesClient client;

  @Test
  void eachCanaryTicksAtOnceAtItsOwnIntervalAndADeletedCanaryStops() {
    SeedWorld w = new SeedWorld(client);
    CanaryResource other = dev.canarykit.k8s.status.Canaries.seed(client);
    other.getMetadata().setName("other");
    client.resource(other).create();
    List<TickReport> ticks = new CopyOnWriteArrayList<>();
    Map<String, Duration> intervals = Map.of("podinfo", Duration.ofHours(1), "other", Duration.ofMillis(100));
    try (CanaryController c = CanaryController.create(client, w.config(x -> intervals.get(x.name()))
        .onTick(ticks::add).workers(1).build()).start()) {
      assertThat(c.isLeading()).isTrue();
      await().atMost(Duration.ofSeconds(60)).until(() -> count(ticks, "other") >= 5);
      assertThat(count(ticks, "podinfo")).isEqualTo(1);
      assertThat(c.scheduledInterval("test/other")).isEqualTo(Duration.ofMillis(100));
      client.resource(other).delete();
      await().atMost(Duration.ofSeconds(60)).until(() -> c.scheduledInterval("test/other") == null);
      assertThat(c.scheduledInterval("test/podinfo")).isEqualTo(Duration.ofHours(1));
    }
  }

  /**
   * Both intervals are hours long, so a second tick within the test can only be the one the reschedule runs at
   * once; the schedule then runs at the new interval.
   */
  @Test
  void aChangedIntervalReschedulesWithATickAtOnce() {
    SeedWorld w = new SeedWorld(client);
    List<TickReport> ticks = new CopyOnWriteArrayList<>();
    try (CanaryController c = CanaryController.create(client, w.config(x -> x.spec().analysisOrEmpty()
        .intervalOrDefault().equals(Duration.ofMinutes(1)) ? Duration.ofHours(1) : Duration.ofHours(2))
        .onTick(ticks::add).build()).start()) {
      assertThat(c.isLeading()).isTrue();
      await().atMost(Duration.ofSeconds(60)).until(() -> ticks.size() == 1);
      assertThat(c.scheduledInterval("test/podinfo")).isEqualTo(Duration.ofHours(1));
      client.resources(CanaryResource.class).inNamespace("test").withName("podinfo")
          .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
              io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
              "{\"spec\":{\"analysis\":{\"interval\":\"30s\"}}}");
      await().atMost(Duration.ofSeconds(60)).until(() -> ticks.size() == 2);
      assertThat(ticks.get(1).canary().spec().analysis().intervalOrDefault()).isEqualTo(Duration.ofSeconds(30));
      assertThat(c.scheduledInterval("test/podinfo")).isEqualTo(Duration.ofHours(2));
    }
  }

  private static long count(List<TickReport> ticks, String name) {
    return ticks.stream().filter(t -> t.canary().name().equals(name)).count();
  }
}
