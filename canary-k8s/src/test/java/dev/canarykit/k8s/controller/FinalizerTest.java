package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.model.Phase;
import dev.canarykit.core.testing.RecordingEventSink;
import dev.canarykit.k8s.CanaryMapping;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.status.KubernetesStatusStore;
import dev.canarykit.k8s.workload.Fixtures;
import dev.canarykit.k8s.workload.KubernetesWorkloadStore;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The finalizer and revertOnDeletion (docs/flagger-compatibility.md §3.7) against the CRUD mock, which keeps an object
 * with finalizers after a DELETE (setting deletionTimestamp) and deletes it once the last finalizer is removed.
 */
@EnableKubernetesMockClient(crud = true)
class FinalizerTest {
  private static final String KEEP = "example.com/keep";
  KubernetesClient client;

  private void revertOnDeletion(boolean on) {
    canaries().withName("podinfo").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"spec\":{\"revertOnDeletion\":" + on + "}}");
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<CanaryResource,
      io.fabric8.kubernetes.api.model.KubernetesResourceList<CanaryResource>,
      io.fabric8.kubernetes.client.dsl.Resource<CanaryResource>> canaries() {
    return client.resources(CanaryResource.class).inNamespace(SeedWorld.NS);
  }

  private List<String> finalizers() {
    CanaryResource r = canaries().withName("podinfo").get();
    return r == null || r.getMetadata().getFinalizers() == null ? List.of() : r.getMetadata().getFinalizers();
  }

  private Service apex() {
    return client.services().inNamespace(SeedWorld.NS).withName("podinfo").get();
  }

  private int targetReplicas() {
    return client.apps().deployments().inNamespace(SeedWorld.NS).withName("podinfo").get().getSpec().getReplicas();
  }

  private void initialize(SeedWorld w) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      w.rollOut();
      return w.phase() == Phase.INITIALIZED;
    });
  }

  @Test
  void deletionScalesTheTargetBackWaitsForItThenRestoresTheApexAndRouting() {
    SeedWorld w = new SeedWorld(client);
    String applied = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"podinfo\"},"
        + "\"spec\":{\"selector\":{\"app\":\"podinfo\",\"tier\":\"web\"}}}";
    client.resource(new ServiceBuilder().withNewMetadata().withName("podinfo").withNamespace(SeedWorld.NS)
        .withAnnotations(Map.of("kubectl.kubernetes.io/last-applied-configuration", applied)).endMetadata()
        .withNewSpec().withSelector(Map.of("app", "podinfo", "tier", "web")).addNewPort().withName("http")
        .withPort(9898).endPort().endSpec().build()).create();
    revertOnDeletion(true);
    try (CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofMillis(300)).build())) {
      c.start();
      initialize(w);
      await().atMost(Duration.ofSeconds(60)).until(() -> finalizers().contains(CanaryFinalizer.FINALIZER));
      assertThat(targetReplicas()).isZero();
      assertThat(apex().getSpec().getSelector()).isEqualTo(Map.of("app", "podinfo-primary"));
      canaries().withName("podinfo").edit(r -> {
        r.getMetadata().setFinalizers(List.of(CanaryFinalizer.FINALIZER, KEEP));
        return r;
      });
      canaries().withName("podinfo").delete();
      await().atMost(Duration.ofSeconds(60)).until(() -> w.phase() == Phase.TERMINATING && targetReplicas() == 2);
      assertThat(w.router.reverts()).isZero();
      assertThat(apex().getSpec().getSelector()).isEqualTo(Map.of("app", "podinfo-primary"));
      assertThat(finalizers()).contains(CanaryFinalizer.FINALIZER);
      w.rollOut();
      await().atMost(Duration.ofSeconds(30)).until(() -> finalizers().equals(List.of(KEEP)));
      await().atMost(Duration.ofSeconds(60)).until(() -> w.phase() == Phase.TERMINATED);
      assertThat(apex().getSpec().getSelector()).isEqualTo(Map.of("app", "podinfo", "tier", "web"));
      assertThat(w.router.reverts()).isEqualTo(1);
      assertThat(CanaryStatusMapping.toCore(w.canary().getStatus()).canaryWeight()).isZero();
      List<String> messages = w.messages();
      assertThat(messages).containsSubsequence("Initialization done! podinfo.test", "Terminating canary podinfo.test",
          "Terminated canary podinfo.test");
      assertThat(messages).filteredOn(m -> m.startsWith("Termina")).hasSize(2);
      canaries().withName("podinfo").edit(r -> {
        r.getMetadata().setFinalizers(List.of());
        return r;
      });
      await().atMost(Duration.ofSeconds(60)).until(() -> canaries().withName("podinfo").get() == null);
    }
  }

  /**
   * The controller hands the finalizer the Canary from its informer cache, which may not have seen the pass that
   * removed the finalizer yet (the object stays: another finalizer holds it). Such a pass must not revert again.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aPassOnACachedCanaryThatStillShowsTheRemovedFinalizerRevertsNothingAgain() {
    SeedWorld w = new SeedWorld(client);
    revertOnDeletion(true);
    canaries().withName("podinfo").edit(r -> {
      r.getMetadata().setFinalizers(List.of(CanaryFinalizer.FINALIZER, KEEP));
      return r;
    });
    canaries().withName("podinfo").delete();
    CanaryResource cached = canaries().withName("podinfo").get();
    var canary = CanaryMapping.toCore(cached);
    RecordingEventSink events = new RecordingEventSink();
    CanaryFinalizer finalizer = CanaryFinalizer.create(client, KubernetesWorkloadStore.builder(client).build(),
        w.router, events, KubernetesStatusStore.create(client), w.clock);

    assertThat(finalizer.finalizeIfDeleted(cached, canary)).isEqualTo(CanaryFinalizer.Pass.RETRY);
    Fixtures.makeReady(client, SeedWorld.NS, "podinfo");
    assertThat(finalizer.finalizeIfDeleted(cached, canary)).isEqualTo(CanaryFinalizer.Pass.DONE);
    assertThat(finalizers()).isEqualTo(List.of(KEEP));
    assertThat(w.router.reverts()).isEqualTo(1);
    assertThat(w.phase()).isEqualTo(Phase.TERMINATED);

    assertThat(cached.getMetadata().getFinalizers()).contains(CanaryFinalizer.FINALIZER);
    assertThat(finalizer.finalizeIfDeleted(cached, canary)).isEqualTo(CanaryFinalizer.Pass.DONE);
    assertThat(w.router.reverts()).isEqualTo(1);
    assertThat(w.phase()).isEqualTo(Phase.TERMINATED);
    assertThat(events.messages()).containsExactly("Normal   Terminating canary podinfo.test",
        "Normal   Terminated canary podinfo.test");
  }

  @Test
  void turningTheFlagOffRemovesTheFinalizerAndDeletionThenRevertsNothing() {
    SeedWorld w = new SeedWorld(client);
    revertOnDeletion(true);
    try (CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofHours(1)).build())) {
      c.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> finalizers().equals(List.of(CanaryFinalizer.FINALIZER)));
      revertOnDeletion(false);
      await().atMost(Duration.ofSeconds(60)).until(() -> finalizers().isEmpty());
      revertOnDeletion(true);
      await().atMost(Duration.ofSeconds(60)).until(() -> finalizers().equals(List.of(CanaryFinalizer.FINALIZER)));
      revertOnDeletion(false);
      await().atMost(Duration.ofSeconds(60)).until(() -> finalizers().isEmpty());
      canaries().withName("podinfo").delete();
      await().atMost(Duration.ofSeconds(60)).until(() -> canaries().withName("podinfo").get() == null);
      assertThat(w.router.reverts()).isZero();
      assertThat(w.messages()).noneMatch(m -> m.startsWith("Termina"));
    }
  }
}
