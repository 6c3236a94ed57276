package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.resource.ResourceCondition;
import dev.canarykit.k8s.status.InvalidCanaryReports;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An invalid Canary is shown where users look: a Warning Event and a status condition, until it is fixed. */
@EnableKubernetesMockClient(crud = true)
class InvalidCanaryTest {
  KubernetesClient client;

  @Test
  void aWarningEventOnceAndAConditionUntilFixedThenTheCanaryRuns() {
    SeedWorld w = new SeedWorld(client);
    merge("{\"spec\":{\"analysis\":{\"stepWeight\":0}}}");
    try (CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofMillis(100)).build())) {
      c.start();
      await().atMost(Duration.ofMinutes(3)).until(() -> condition(w) != null);
      ResourceCondition invalid = condition(w);
      assertThat(invalid.status()).isEqualTo("False");
      assertThat(invalid.reason()).isEqualTo(InvalidCanaryReports.REASON);
      assertThat(invalid.message()).startsWith("spec.analysis.stepWeight: ");
      await("rate-limited: one Event while ticks repeat every 100 ms").during(Duration.ofSeconds(2))
          .atMost(Duration.ofMinutes(3)).until(() -> warnings(w).size() == 1 && w.reports.isEmpty());
      List<Event> warnings = warnings(w);
      assertThat(warnings).hasSize(1).allSatisfy(e -> {
        assertThat(e.getType()).isEqualTo("Warning");
        assertThat(e.getMessage()).isEqualTo("Invalid canary podinfo.test: " + invalid.message());
      });
      merge("{\"spec\":{\"analysis\":{\"stepWeight\":10}}}");
      await().atMost(Duration.ofMinutes(3)).until(() -> {
        w.rollOut();
        return w.phase() == Phase.INITIALIZED;
      });
      await().atMost(Duration.ofMinutes(3)).until(() -> condition(w) == null);
    }
  }

  @Test
  void theEventIsRepeatedEveryThirtyMinutesAndAtOnceWhenTheViolationsChange() {
    SeedWorld w = new SeedWorld(client);
    merge("{\"spec\":{\"analysis\":{\"stepWeight\":0}}}");
    try (CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofMillis(100)).build())) {
      c.start();
      await().atMost(Duration.ofMinutes(3)).until(() -> warnings(w).size() == 1);
      String first = warnings(w).get(0).getMessage();
      w.clock.advance(InvalidCanaryReports.DEFAULT_REPEAT.minusSeconds(1));
      await("no repeat within 30 minutes").during(Duration.ofSeconds(2)).atMost(Duration.ofMinutes(3))
          .until(() -> warnings(w).size() == 1);
      w.clock.advance(Duration.ofSeconds(1));
      await().atMost(Duration.ofMinutes(3)).until(() -> warnings(w).size() == 2);
      merge("{\"spec\":{\"analysis\":{\"stepWeight\":10,\"maxWeight\":101}}}");
      await().atMost(Duration.ofMinutes(3)).until(() -> warnings(w).size() == 3);
      List<String> messages = warnings(w).stream().map(Event::getMessage).toList();
      assertThat(messages.get(1)).isEqualTo(first);
      assertThat(messages.get(2)).startsWith("Invalid canary podinfo.test: spec.analysis.maxWeight: ");
      await().atMost(Duration.ofMinutes(3))
          .until(() -> condition(w).message().startsWith("spec.analysis.maxWeight: "));
    }
  }

  @Test
  void withNoCrossNamespaceRefsAReferenceToAnotherNamespaceIsInvalid() {
    SeedWorld w = new SeedWorld(client);
    merge("{\"spec\":{\"analysis\":{\"metrics\":[{\"name\":\"errors\",\"templateRef\":"
        + "{\"name\":\"error-rate\",\"namespace\":\"flagger-system\"},\"thresholdRange\":{\"max\":1}}]}}}");
    try (CanaryController c = CanaryController.create(client,
        w.config(x -> Duration.ofMillis(100)).noCrossNamespaceRefs(true).build())) {
      c.start();
      await().atMost(Duration.ofMinutes(3)).until(() -> condition(w) != null);
      assertThat(condition(w).message()).matches("spec\\.analysis\\.metrics\\[\\d]\\.templateRef\\.namespace: "
          + "cross-namespace references are blocked \\(was flagger-system\\)");
      assertThat(w.reports).isEmpty();
    }
  }

  /** A VirtualService istiod would reject is reported before anything is written, at the Canary field. */
  @Test
  void aVirtualServiceIstiodWouldRejectMakesTheCanaryInvalid() {
    SeedWorld w = new SeedWorld(client);
    client.resources(CanaryResource.class).inNamespace(SeedWorld.NS).withName("podinfo")
        .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":\"/spec/service/gateways\","
            + "\"value\":[]},{\"op\":\"add\",\"path\":\"/spec/service/hosts\",\"value\":[\"*\"]}]");
    try (CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofMillis(100)).build())) {
      c.start();
      await().atMost(Duration.ofMinutes(3)).until(() -> condition(w) != null);
      assertThat(condition(w).reason()).isEqualTo(InvalidCanaryReports.REASON);
      assertThat(condition(w).message()).startsWith("spec.service.hosts[0]: istiod rejects the wildcard host * on"
          + " a VirtualService bound to the mesh gateway");
      assertThat(w.reports).isEmpty();
    }
  }

  /** A Canary of another provider is Flagger's to run: canarykit writes nothing to its workloads or routes. */
  @Test
  void aProviderCanarykitDoesNotDriveIsReportedAndLeftAloneUntilItChanges() {
    SeedWorld w = new SeedWorld(client);
    merge("{\"spec\":{\"provider\":\"linkerd\",\"revertOnDeletion\":true}}");
    try (CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofMillis(100)).build())) {
      c.start();
      await().atMost(Duration.ofMinutes(3)).until(() -> condition(w) != null);
      ResourceCondition notRun = condition(w);
      assertThat(notRun.status()).isEqualTo("False");
      assertThat(notRun.reason()).isEqualTo(InvalidCanaryReports.UNDRIVEN_REASON);
      assertThat(notRun.message()).isEqualTo("spec.provider: canarykit drives only the istio (default) and"
          + " kubernetes providers: this Canary is left alone (no workload, route, finalizer or status of its own"
          + " is written) (was linkerd)");
      await("rate-limited, never ticked").during(Duration.ofSeconds(2)).atMost(Duration.ofMinutes(3))
          .until(() -> notRunEvents(w).size() == 1 && w.reports.isEmpty());
      assertThat(notRunEvents(w).get(0).getMessage()).isEqualTo("Canary podinfo.test not run: " + notRun.message());
      assertThat(w.canary().getMetadata().getFinalizers()).isNullOrEmpty();
      assertThat(w.canary().getStatus().phase()).isNull();
      merge("{\"spec\":{\"provider\":\"istio\"}}");
      await().atMost(Duration.ofMinutes(3)).until(() -> {
        w.rollOut();
        return w.phase() == Phase.INITIALIZED;
      });
      await().atMost(Duration.ofMinutes(3)).until(() -> condition(w) == null);
    }
  }

  private static List<Event> notRunEvents(SeedWorld w) {
    return w.events().stream().filter(e -> e.getMessage().startsWith("Canary podinfo.test not run")).toList();
  }

  private static List<Event> warnings(SeedWorld w) {
    return w.events().stream().filter(e -> e.getMessage().startsWith("Invalid canary")).toList();
  }

  private void merge(String patch) {
    client.resources(CanaryResource.class).inNamespace(SeedWorld.NS).withName("podinfo")
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  private static ResourceCondition condition(SeedWorld w) {
    CanaryResource r = w.canary();
    return r.getStatus() == null || r.getStatus().conditions() == null ? null : r.getStatus().conditions().stream()
        .filter(c -> c.type().equals(InvalidCanaryReports.CONDITION)).findFirst().orElse(null);
  }
}
