package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.driver.TickReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {
  KubernetesClient client;

  /**
   * A lease long enough that a leader on a loaded machine never misses its renewal: the renew deadline (45 s) is
   * far beyond any pause, so leadership changes only when the leader stops. The takeover must then come well
   * before the lease would expire (60 s), which shows the stopping leader released the lease.
   */
  private static LeaderElection lease(String id) {
    return new LeaderElection("test", "canarykit-leader", id, Duration.ofSeconds(60), Duration.ofSeconds(45),
        Duration.ofMillis(500));
  }

  @Test
  void onlyTheLeaderTicksAndTheOtherTakesOverFromStatusWhenItStops() {
    SeedWorld w = new SeedWorld(client);
    List<TickReport> a = new CopyOnWriteArrayList<>();
    List<TickReport> b = new CopyOnWriteArrayList<>();
    CanaryController first = CanaryController.create(client,
        w.config(x -> Duration.ofMillis(200)).leaderElection(lease("a")).onTick(a::add).build()).start();
    await().atMost(Duration.ofSeconds(30)).until(first::isLeading);
    CanaryController second = CanaryController.create(client,
        w.config(x -> Duration.ofMillis(200)).leaderElection(lease("b")).onTick(b::add).build()).start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> a.size() >= 3);
      assertThat(second.isLeading()).isFalse();
      assertThat(b).isEmpty();
      w.rollOut();
      first.stop();
      int ticksOfA = a.size();
      await().atMost(Duration.ofSeconds(30)).until(second::isLeading); // < the 60 s lease: released
      await().atMost(Duration.ofSeconds(30)).until(() -> !b.isEmpty());
      assertThat(a).hasSize(ticksOfA);
      assertThat(b.get(0).startStatus()).isEqualTo(a.get(a.size() - 1).finalStatus());
    } finally {
      first.close();
      second.close();
    }
  }
}
