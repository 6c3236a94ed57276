package dev.canarykit.k8s.controller;

import static dev.canarykit.k8s.controller.AnalysisGateTest.canary;
import static dev.canarykit.k8s.controller.AnalysisGateTest.queuedSince;
import static dev.canarykit.k8s.controller.AnalysisGateTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.PortCalls;
import dev.canarykit.core.model.Phase;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The analysis slots shared by a shard group, on the CRUD mock server: each replica is a gate with its own view of
 * the group's Canaries, as its informer would give it. Claims race, leaked slots come back after the grace period,
 * a slot stays with its canary when the canary's shard moves, and a failed request keeps the canary queued.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SharedAnalysisGateTest {
  private static final Sharding GROUP = Sharding.of("test", "grp", "replica");
  private static final Duration GRACE = Duration.ofSeconds(2);
  KubernetesClient client;

  @Test
  void ofTwoReplicasClaimingOneSlotFromTheSameReadExactlyOneWins() throws Exception {
    for (boolean exists : List.of(false, true)) {
      SlotLeases one = leases(client);
      SlotLeases two = leases(client);
      String name = exists ? "grp-analysis-1" : "grp-analysis-0";
      if (exists) {
        one.free(name, one.claim(name, null, "test/seed").getMetadata().getResourceVersion());
      }
      Lease read = one.list().get(name);
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Lease>> claims = new ArrayList<>();
      for (SlotLeases l : List.of(one, two)) {
        String holder = l == one ? "test/a" : "test/b";
        claims.add(CompletableFuture.supplyAsync(() -> {
          waitFor(go);
          return l.claim(name, read, holder);
        }));
      }
      go.countDown();
      List<Lease> won = claims.stream().map(CompletableFuture::join).filter(l -> l != null).toList();
      assertThat(won).as("winners of %s (existing: %s)", name, exists).hasSize(1);
      assertThat(one.list().get(name).getSpec().getHolderIdentity()).isEqualTo(won.get(0).getSpec()
          .getHolderIdentity());
    }
  }

  @Test
  void twoReplicasAdmitOneCanaryForTheLastSlotAndQueueTheOther() {
    SharedAnalysisGate a = gate(client);
    SharedAnalysisGate b = gate(client);
    assertThat(a.acquire(canary("x"))).isEqualTo(new Outcome.Admitted());
    assertThat(b.acquire(canary("y"))).as("the second slot").isEqualTo(new Outcome.Admitted());
    assertThat(b.acquire(canary("z"))).isEqualTo(new Outcome.Queued(1, 2));
    assertThat(a.acquire(canary("w"))).isEqualTo(new Outcome.Queued(1, 2));
    assertThat(holders()).containsOnly(Map.entry("grp-analysis-0", "test/x"), Map.entry("grp-analysis-1", "test/y"));
  }

  @Test
  void aFreeSlotGoesToTheCanaryThatJoinedTheQueueFirstWhicheverReplicaTicksIt() {
    SharedAnalysisGate a = gate(client);
    SharedAnalysisGate b = gate(client);
    a.acquire(canary("x"));
    a.acquire(canary("y"));
    for (SharedAnalysisGate g : List.of(a, b)) {
      g.observed("test/x", () -> status(Phase.PROGRESSING));
      g.observed("test/y", () -> status(Phase.PROGRESSING));
      g.observed("test/early", () -> queuedSince("2026-01-01T00:00:00Z"));
      g.observed("test/late", () -> queuedSince("2026-01-01T00:00:05Z"));
    }
    a.settle("test/x", status(Phase.PROGRESSING));
    a.settle("test/x", status(Phase.SUCCEEDED)); // frees slot 0
    a.observed("test/x", () -> status(Phase.SUCCEEDED));
    b.observed("test/x", () -> status(Phase.SUCCEEDED));
    assertThat(b.acquire(canary("late"))).as("early is ahead").isEqualTo(new Outcome.Queued(2, 2));
    assertThat(a.acquire(canary("early"))).isEqualTo(new Outcome.Admitted());
    assertThat(holders()).containsEntry("grp-analysis-0", "test/early");
  }

  @Test
  void aLeakedSlotIsReclaimedOnlyAfterTheGracePeriodAndOneInAnalysisNever() {
    SharedAnalysisGate dead = gate(client);
    SharedAnalysisGate live = gate(client);
    assertThat(dead.acquire(canary("gone"))).isEqualTo(new Outcome.Admitted());
    assertThat(dead.acquire(canary("running"))).isEqualTo(new Outcome.Admitted());
    live.observed("test/running", () -> status(Phase.PROGRESSING)); // "gone" was deleted: live never saw it
    long first = System.nanoTime();
    assertThat(live.acquire(canary("waiting"))).as("within the grace period").isEqualTo(new Outcome.Queued(1, 2));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> live.acquire(canary("waiting")).equals(new Outcome.Admitted()));
    assertThat(Duration.ofNanos(System.nanoTime() - first)).as("reclaimed after").isGreaterThan(GRACE);
    assertThat(holders()).containsOnly(Map.entry("grp-analysis-0", "test/waiting"),
        Map.entry("grp-analysis-1", "test/running"));
    assertThat(live.acquire(canary("another"))).as("the slot of a canary in analysis stays")
        .isEqualTo(new Outcome.Queued(1, 2));
  }

  @Test
  void aSlotStaysWithItsCanaryWhenItsShardMovesAndTheNewReplicaFreesItWhenTheRunEnds() {
    SharedAnalysisGate before = gate(client);
    SharedAnalysisGate after = gate(client);
    assertThat(before.acquire(canary("moving"))).isEqualTo(new Outcome.Admitted());
    before.settle("test/moving", queuedSince("2026-01-01T00:00:00Z")); // admitted, its run not started yet
    before.handOver("test/moving");
    assertThat(holders()).as("still the canary's").containsOnly(Map.entry("grp-analysis-0", "test/moving"));
    assertThat(after.acquire(canary("moving"))).as("no new claim").isEqualTo(new Outcome.Admitted());
    after.settle("test/moving", status(Phase.PROGRESSING));
    assertThat(holders()).containsOnly(Map.entry("grp-analysis-0", "test/moving"));

    SharedAnalysisGate third = gate(client); // the shard moves again, mid-run; the first tick there ends the run
    third.takeOver(Map.of("test/moving", status(Phase.FINALISING)));
    third.settle("test/moving", status(Phase.SUCCEEDED));
    assertThat(holders()).containsOnly(Map.entry("grp-analysis-0", ""));
  }

  @Test
  void aFailedSlotRequestKeepsTheCanaryQueuedAndIsCounted() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed: nothing answers there
    }
    Config dead = new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0)
        .build();
    try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(dead).build()) {
      SharedAnalysisGate g = gate(unreachable);
      assertThat(g.acquire(canary("a"))).isEqualTo(new Outcome.Queued(1, 2));
      assertThat(g.acquire(canary("a"))).isEqualTo(new Outcome.Queued(1, 2));
      assertThat(g.failures()).isEqualTo(2);
      assertThat(g.holding()).isEmpty();
    }
  }

  private SharedAnalysisGate gate(KubernetesClient c) {
    return new SharedAnalysisGate(2, leases(c), GRACE, ControllerListener.NOOP, Runnable::run, PortCalls.DIRECT);
  }

  private static SlotLeases leases(KubernetesClient c) {
    return new SlotLeases(c, GROUP, Duration.ofSeconds(5), GRACE);
  }

  private Map<String, String> holders() {
    Map<String, String> out = new java.util.TreeMap<>();
    client.resources(Lease.class).inNamespace("test").withLabel(Sharding.GROUP_LABEL, "grp").list().getItems()
        .forEach(l -> out.put(l.getMetadata().getName(), l.getSpec().getHolderIdentity()));
    return out;
  }

  private static void waitFor(CountDownLatch go) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
