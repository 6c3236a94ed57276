package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.workload.Fixtures;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The controller scheduled far faster than the Canary's 1-minute interval, with a clock that stands still: every
 * tick is at the same instant, and the canary advances once per minute of that clock, never per tick, also across
 * restarts of the controller.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PacedTicksTest {
  /** A bound for each wait, generous for a loaded 2-core machine; each ends as soon as its condition holds. */
  private static final Duration WAIT = Duration.ofMinutes(3);
  KubernetesClient client;

  @Test
  void ticksAtTheSameInstantAdvanceOnce() {
    SeedWorld w = new SeedWorld(client);
    try (CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofMillis(100)).build())) {
      c.start();
      releaseToWeightTen(w);
      assertSixTicksPaced(w);
      w.clock.advance(Duration.ofMinutes(1));
      awaitRolledOut(w, () -> weight(w) == 20);
    }
    assertThat(w.messages()).filteredOn(m -> m.startsWith("Advance")).containsExactly(
        "Advance podinfo.test canary weight 10", "Advance podinfo.test canary weight 20");
    assertThat(w.router.history()).extracting(s -> s.canaryWeight()).containsExactly(10, 20);
  }

  /**
   * The pace lives in the status, not in the process: a controller started again at the same instant does not step,
   * and one started after more than an interval steps at once, once.
   */
  @Test
  void aControllerStartedAgainKeepsThePaceTheStatusRecords() {
    SeedWorld w = new SeedWorld(client);
    ControllerConfig config = w.config(x -> Duration.ofMillis(100)).build();
    try (CanaryController c = CanaryController.create(client, config)) {
      c.start();
      releaseToWeightTen(w);
    }
    try (CanaryController restarted = CanaryController.create(client, config)) {
      restarted.start();
      assertSixTicksPaced(w);
    }
    w.clock.advance(Duration.ofMinutes(5));                // down for five intervals
    try (CanaryController restarted = CanaryController.create(client, config)) {
      restarted.start();
      awaitRolledOut(w, () -> weight(w) == 20);
      assertSixTicksPaced(w);
    }
    assertThat(w.messages()).filteredOn(m -> m.startsWith("Advance")).containsExactly(
        "Advance podinfo.test canary weight 10", "Advance podinfo.test canary weight 20");
    assertThat(w.router.history()).extracting(s -> s.canaryWeight()).containsExactly(10, 20);
  }

  /** Initializes the seed Canary, changes its image and lets the clock move one interval at a time to weight 10. */
  private void releaseToWeightTen(SeedWorld w) {
    awaitRolledOut(w, () -> w.phase() == Phase.INITIALIZED);
    Fixtures.setImage(client, SeedWorld.NS, "podinfo", "stefanprodan/podinfo:3.1.1");
    w.clock.advance(Duration.ofMinutes(1));
    awaitRolledOut(w, () -> w.phase() == Phase.PROGRESSING);
    w.clock.advance(Duration.ofMinutes(1));
    awaitRolledOut(w, () -> weight(w) == 10);
  }

  /**
   * Waits for {@code done} while the cluster rolls out what the controller scales (the canary is scaled up in the
   * tick that makes it Progressing, possibly after a poll saw that phase), bounded for a loaded machine.
   */
  private static void awaitRolledOut(SeedWorld w, Callable<Boolean> done) {
    await().atMost(WAIT).until(() -> {
      w.rollOut();
      return done.call();
    });
  }

  /** The next six ticks, all at the clock's instant, are paced: no event, no new weight, the next step's time. */
  private static void assertSixTicksPaced(SeedWorld w) {
    int before = weight(w);
    // the status can show the new weight before the advancing tick's report is added: start after a paced report
    await().atMost(WAIT).until(() -> !w.reports.isEmpty()
        && w.reports.get(w.reports.size() - 1).pacedUntil().isPresent());
    int from = w.reports.size();
    await().atMost(WAIT).until(() -> w.reports.size() >= from + 6);
    List<TickReport> paced = List.copyOf(w.reports.subList(from, from + 6));
    assertThat(paced).allSatisfy(r -> {
      assertThat(r.now()).isEqualTo(w.clock.instant());
      assertThat(r.pacedUntil()).isPresent();
      assertThat(r.events()).isEmpty();
    });
    assertThat(weight(w)).isEqualTo(before);
  }

  private static int weight(SeedWorld w) {
    Integer v = w.canary().getStatus().canaryWeight();
    return v == null ? 0 : v;
  }
}
