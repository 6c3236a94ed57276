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
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seed release through {@link CanaryReconciler} in a real JOSDK {@link Operator} on the mock API server, with
 * the real Istio router and Kubernetes stores; reconciles are triggered by changes next to the Canary (roll-outs,
 * a ConfigMap of its namespace), as in a cluster where things happen.
 *
 * <p>Each wait is a condition polled while the cluster rolls out and nudges keep coming, bounded generously: on a
 * loaded 2-core machine a JOSDK operator on the mock server takes tens of seconds to initialise a Canary (about
 * 15 s on a third of one core), and nothing here depends on how fast it goes.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 15, unit = TimeUnit.MINUTES) // the sum of the waits below, which end as soon as their condition holds
class CanaryReconcilerTest {
  private static final Duration STEP = Duration.ofMinutes(4);
  private static final Duration RELEASE = Duration.ofMinutes(5);
  KubernetesClient client;
  private final ManualClock clock = ManualClock.ofDefaults();
  private final List<TickReport> reports = new CopyOnWriteArrayList<>();
  /** Whether the clock stops once a tick has moved the canary to weight 10 (then every reconcile is at one instant). */
  private final AtomicBoolean freezeAtTen = new AtomicBoolean();
  private Operator operator;
  private CanaryReconciler reconciler;
  private SeedCluster seed;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
    if (reconciler != null) {
      reconciler.close();
    }
  }

  private void start() {
    seed = new SeedCluster(client)
        .install(yaml -> yaml.replaceFirst("\nspec:\n", "\nspec:\n  revertOnDeletion: true\n"));
    seed.put(new ConfigMapBuilder().withNewMetadata().withName("nudge").withNamespace("test").endMetadata().build());
    ControllerConfig config = ControllerConfig.builder().router(new IstioTrafficRouter(client))
        .metrics(new ScriptedMetricSource().fix("request-success-rate", 99.9).fix("request-duration", 120))
        .webhooks(new InMemoryWebhookClient()).clock(clock).onTick(this::onTick).build();
    reconciler = new CanaryReconciler(config);
    operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
        .withUseSSAToPatchPrimaryResource(false));
    operator.register(reconciler);
    operator.start();
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
    start();
    progress("the Canary initialized", STEP, () -> seed.phase() == Phase.INITIALIZED);
    seed.release();
    progress("the release decided", RELEASE,
        () -> seed.phase() == Phase.SUCCEEDED || seed.phase() == Phase.FAILED);
    assertThat(seed.phase()).as("%s", seed.messages()).isEqualTo(Phase.SUCCEEDED);
    assertThat(seed.primaryImage()).isEqualTo("stefanprodan/podinfo:3.1.1");
    assertThat(seed.messages()).containsSubsequence(expectedNormalEvents());
    assertThat(seed.messages().stream().filter(m -> m.startsWith("Advance")).toList()).doesNotHaveDuplicates()
        .hasSize(5);
    client.resource(seed.canary()).delete();
    progress("the Canary reverted and deleted", STEP, () -> seed.canary() == null);
    assertThat(seed.messages()).contains("Terminating canary podinfo.test", "Terminated canary podinfo.test");
    assertThat(client.apps().deployments().inNamespace("test").withName("podinfo").get().getSpec().getReplicas())
        .as("the target is scaled back up").isEqualTo(2);
  }

  @Test
  void reconcilesAtTheSameInstantAdvanceOnceAndRescheduleForTheDueStep() {
    freezeAtTen.set(true);
    start();
    progress("the Canary initialized", STEP, () -> seed.phase() == Phase.INITIALIZED);
    seed.release();
    progress("a tick reached weight 10", STEP, () -> firstAtTen() >= 0);
    int from = firstAtTen() + 1;                            // the clock stood still from that tick on
    progress("six more reconciles", STEP, () -> reports.size() >= from + 6);
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

  /**
   * Waits up to {@code atMost} for {@code done}, polled every 250 ms; each poll first does what the cluster would
   * (roll-outs become ready) and changes something next to the Canary, so reconciles keep coming.
   */
  private void progress(String what, Duration atMost, BooleanSupplier done) {
    await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
      seed.rollOut();
      nudge();
      return done.getAsBoolean();
    });
  }

  /** The index of the first tick that left the canary at weight 10 or more, or -1. */
  private int firstAtTen() {
    for (int i = 0; i < reports.size(); i++) {
      TickReport r = reports.get(i);
      if (r.finalStatus() != null && r.finalStatus().canaryWeight() >= 10) {
        return i;
      }
    }
    return -1;
  }

  private static long advances(SeedCluster seed) {
    return seed.messages().stream().filter(m -> m.startsWith("Advance")).count();
  }

  /** A change next to the Canary (the ConfigMap "nudge" of its namespace), which JOSDK turns into a reconcile. */
  private void nudge() {
    client.configMaps().inNamespace("test").withName("nudge")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("n", Long.toString(System.nanoTime())).build());
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
