package dev.canarykit.examples.josdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.ScriptedMetricSource;
import dev.canarykit.examples.embed.SeedCluster;
import dev.canarykit.istio.IstioTrafficRouter;
import dev.canarykit.k8s.controller.ControllerConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed release through {@link CanaryReconciler} in a real JOSDK {@link Operator} on the mock API server, with
 * the real Istio router and Kubernetes stores; reconciles are triggered by changes next to the Canary (roll-outs, a ConfigMap of its namespace), as in a
 * cluster where things happen.
 */
@EnableKubernetesMockClient(crud = true)
class CanaryReconcilerTest {
  KubernetesClient client;
  private final ManualClock clock = ManualClock.ofDefaults();
  private final List<TickReport> reports = new CopyOnWriteArrayList<>();
  /** Whether the clock stops once a tick has moved the canary to weight 10 (then every reconcile is at one instant). */
  private final AtomicBoolean freezeAtTen = new AtomicBoolean();
  private Operator operator;
  private CanaryReconciler reconciler;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
    if (reconciler != null) {
      reconciler.close();
    }
  }

  private SeedCluster start() {
    SeedCluster seed = new SeedCluster(client)
        .install(yaml -> yaml.replaceFirst("\nspec:\n", "\nspec:\n  revertOnDeletion: true\n"));
    ControllerConfig config = ControllerConfig.builder().router(new IstioTrafficRouter(client))
        .metrics(new ScriptedMetricSource().fix("request-success-rate", 99.9).fix("request-duration", 120))
        .webhooks(new InMemoryWebhookClient()).clock(clock).onTick(this::onTick).build();
    reconciler = new CanaryReconciler(config);
    operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
        .withUseSSAToPatchPrimaryResource(false));
    operator.register(reconciler);
    operator.start();
    return seed;
  }

  private void onTick(TickReport r) {
    reports.add(r);
    boolean atTen = r.finalStatus() != null && r.finalStatus().canaryWeight() >= 10;
    if (!(freezeAtTen.get() && atTen)) {
      clock.advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void theSeedReleaseSucceedsAndDeletionRevertsThroughTheCleaner() throws Exception {
    SeedCluster seed = start();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      seed.rollOut();
      nudge();
      return seed.phase() == Phase.INITIALIZED;
    });
    seed.release();
    await().atMost(Duration.ofSeconds(120)).until(() -> {
      seed.rollOut();
      nudge();
      return seed.phase() == Phase.SUCCEEDED || seed.phase() == Phase.FAILED;
    });
    assertThat(seed.phase()).as("%s", seed.messages()).isEqualTo(Phase.SUCCEEDED);
    assertThat(seed.primaryImage()).isEqualTo("stefanprodan/podinfo:3.1.1");
    assertThat(seed.messages()).containsSubsequence(expectedNormalEvents());
    assertThat(seed.messages().stream().filter(m -> m.startsWith("Advance")).toList()).doesNotHaveDuplicates()
        .hasSize(5);
    client.resource(seed.canary()).delete();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      seed.rollOut();
      nudge();
      return seed.canary() == null;
    });
    assertThat(seed.messages()).contains("Terminating canary podinfo.test", "Terminated canary podinfo.test");
    assertThat(client.apps().deployments().inNamespace("test").withName("podinfo").get().getSpec().getReplicas())
        .as("the target is scaled back up").isEqualTo(2);
  }

  @Test
  void reconcilesAtTheSameInstantAdvanceOnceAndRescheduleForTheDueStep() {
    freezeAtTen.set(true);
    SeedCluster seed = start();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      seed.rollOut();
      nudge();
      return seed.phase() == Phase.INITIALIZED;
    });
    seed.release();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      seed.rollOut();
      nudge();
      TickReport last = reports.isEmpty() ? null : reports.get(reports.size() - 1);
      return last != null && last.finalStatus() != null && last.finalStatus().canaryWeight() == 10;
    });
    int from = reports.size();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      seed.rollOut();
      nudge();
      return reports.size() >= from + 6;
    });
    List<TickReport> sameInstant = List.copyOf(reports.subList(from, from + 6));
    assertThat(sameInstant).as("six reconciles at one instant").allSatisfy(r -> {
      assertThat(r.now()).isEqualTo(clock.instant());
      assertThat(r.events()).isEmpty();
      assertThat(r.pacedUntil()).as("rescheduled for the due step").contains(r.startStatus().lastTransitionTime()
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofMinutes(1)));
    });
    assertThat(weight(seed)).isEqualTo(10);
    assertThat(advances(seed)).as("only Advance 10").isEqualTo(1);
  }

  private static long advances(SeedCluster seed) {
    return seed.messages().stream().filter(m -> m.startsWith("Advance")).count();
  }

  /** A change next to the Canary (a ConfigMap of its namespace), which JOSDK turns into a reconcile. */
  private void nudge() {
    client.configMaps().inNamespace("test").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("nudge").withNamespace("test").endMetadata()
        .addToData("n", Long.toString(System.nanoTime())).build()).createOr(
            io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
  }

  private static int weight(SeedCluster seed) {
    Integer w = seed.canary().getStatus() == null ? null : seed.canary().getStatus().canaryWeight();
    return w == null ? 0 : w;
  }

  private static List<String> expectedNormalEvents() throws Exception {
    try (InputStream in = CanaryReconcilerTest.class.getResourceAsStream("/seed/expected-events-full.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
          .map(l -> l.substring(9)).toList();
    }
  }
}
