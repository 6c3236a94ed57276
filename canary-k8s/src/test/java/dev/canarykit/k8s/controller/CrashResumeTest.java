package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.workload.Fixtures;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed release with a new controller for every tick: the cluster is the only state. */
@EnableKubernetesMockClient(crud = true)
class CrashResumeTest {
  KubernetesClient client;

  @Test
  void theSeedReleaseSucceedsAcrossAControllerRestartAfterEveryTick() throws Exception {
    SeedWorld w = new SeedWorld(client);
    boolean released = false;
    for (int i = 0; i < 30 && !(released && w.phase() == Phase.SUCCEEDED); i++) {
      int before = w.reports.size();
      try (CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofHours(1)).build())) {
        c.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> w.reports.size() > before);
      }
      w.rollOut();
      if (!released && w.phase() == Phase.INITIALIZED) {
        Fixtures.setImage(client, SeedWorld.NS, "podinfo", "stefanprodan/podinfo:3.1.1");
        released = true;
      }
      w.clock.advance(Duration.ofMinutes(1));
    }
    assertThat(w.phase()).isEqualTo(Phase.SUCCEEDED);
    List<String> messages = w.messages();
    assertThat(messages).containsSubsequence(SeedWorld.expectedNormalEvents());
    assertThat(messages.stream().filter(m -> m.startsWith("Advance")).toList()).doesNotHaveDuplicates()
        .hasSize(5);
    assertThat(messages).filteredOn(m -> m.startsWith("Copying")).hasSize(1);
    assertThat(client.apps().deployments().inNamespace("test").withName("podinfo-primary").get().getSpec()
        .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("stefanprodan/podinfo:3.1.1");
    assertWeightOnlyFallsAtPromotion(w.router.history());
  }

  @Test
  void eventsAreCoreV1EventsOnTheCanaryWithReasonSyncedAndTheConfiguredComponent() throws Exception {
    SeedWorld w = new SeedWorld(client);
    try (CanaryController c = CanaryController.create(client,
        w.config(x -> Duration.ofHours(1)).eventComponent("canarykit-test").build())) {
      c.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> !w.reports.isEmpty());
    }
    List<Event> events = w.events();
    assertThat(events).isNotEmpty().allSatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("Synced");
      assertThat(e.getSource().getComponent()).isEqualTo("canarykit-test");
      assertThat(e.getInvolvedObject().getApiVersion()).isEqualTo("flagger.app/v1beta1");
      assertThat(e.getInvolvedObject().getUid()).isEqualTo(w.canary().getMetadata().getUid());
      assertThat(e.getCount()).isEqualTo(1);
    });
    assertThat(events).extracting(e -> e.getType() + " " + e.getMessage()).containsExactlyElementsOf(
        w.reports.get(0).events().stream().map(e -> e.type() + " " + e.message()).toList());
  }

  private static void assertWeightOnlyFallsAtPromotion(List<Command.SetRoutes> history) {
    List<Integer> weights = new ArrayList<>(history.stream().map(Command.SetRoutes::canaryWeight).toList());
    assertThat(weights).contains(50);
    int peak = weights.indexOf(50);
    assertThat(weights.subList(0, peak + 1)).isSorted();
    assertThat(weights.subList(peak + 1, weights.size())).containsOnly(0);
  }
}
