package dev.canarykit.k8s.controller;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.ScriptedMetricSource;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.status.Canaries;
import dev.canarykit.k8s.workload.Fixtures;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The seed release on the mock server: podinfo, its HPA and Canary, and in-memory router, metrics and webhooks. */
final class SeedWorld {
  static final String NS = "test";
  final KubernetesClient client;
  final ManualClock clock = ManualClock.ofDefaults();
  final InMemoryTrafficRouter router = new InMemoryTrafficRouter();
  final ScriptedMetricSource metrics = new ScriptedMetricSource()
      .fix("request-success-rate", 99.9).fix("request-duration", 120);
  final InMemoryWebhookClient webhooks = new InMemoryWebhookClient();
  final List<TickReport> reports = new CopyOnWriteArrayList<>();

  SeedWorld(KubernetesClient client) {
    this.client = client;
    Canaries.installCrds(client);
    client.apps().deployments().resource(Fixtures.podinfo(NS)).create();
    client.autoscaling().v2().horizontalPodAutoscalers().resource(new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName("podinfo").withNamespace(NS).endMetadata().withNewSpec()
        .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("podinfo")
        .endScaleTargetRef().withMinReplicas(2).withMaxReplicas(4).endSpec().build()).create();
    client.resource(Canaries.seed(client)).create();
  }

  ControllerConfig.Builder config(Function<dev.canarykit.core.model.Canary, Duration> intervals) {
    return ControllerConfig.builder().router(router).metrics(metrics).webhooks(webhooks).clock(clock)
        .namespace(NS).intervals(intervals).onTick(reports::add);
  }

  /** What the mock's Deployment controller would do: both workloads become ready. */
  void rollOut() {
    Fixtures.makeReady(client, NS, "podinfo-primary");
    Fixtures.makeReady(client, NS, "podinfo");
  }

  CanaryResource canary() {
    return client.resources(CanaryResource.class).inNamespace(NS).withName("podinfo").get();
  }

  Phase phase() {
    return CanaryStatusMapping.toCore(canary().getStatus()).phase();
  }

  /** The Canary's Events in the mock, in creation order (names increase). */
  List<Event> events() {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null && "Canary".equals(e.getInvolvedObject().getKind())
            && "podinfo".equals(e.getInvolvedObject().getName()))
        .sorted(Comparator.comparing(e -> e.getMetadata().getName())).toList();
  }

  List<String> messages() {
    return events().stream().map(Event::getMessage).toList();
  }

  static List<String> expectedNormalEvents() throws Exception {
    try (var in = SeedWorld.class.getResourceAsStream("/seed/expected-events-full.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).map(l -> l.substring(9)).toList();
    }
  }
}
