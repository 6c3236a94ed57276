package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sharded replica that is cut off, not closed: mid-release its Lease requests start going to a port that accepts
 * connections and never answers (a severed path to the API server), while everything else it does still reaches
 * the server. Nothing but its watchdog can stop it (it never learns that another replica took its Leases): its
 * terms end on their own, the other replica takes the shards over and finishes every release with one promotion
 * per Canary, and the cut-off replica writes nothing once its terms ended, and nothing to a Canary after the other
 * replica's first write to it. Judged by the order of the recorded writes, not by times.
 */
@EnableKubernetesMockClient(crud = true)
class ShardCutOffTest {
  private static final int CANARIES = 20;
  private static final int SHARDS = 4;
  private static final Duration LEASE = Duration.ofSeconds(10);
  private static final Duration RENEW_DEADLINE = Duration.ofSeconds(7);
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final String CUT = "replica-a";
  private static final String OTHER = "replica-b";
  KubernetesClient client;
  KubernetesMockServer server;
  private ShardFleet fleet;
  private ServerSocket blackHole;

  @AfterEach
  void closeAll() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
    if (blackHole != null) {
      blackHole.close();
    }
  }

  @Test
  @Timeout(value = 9, unit = TimeUnit.MINUTES) // a backstop: the waits below have bounds of their own
  void aCutOffReplicaStopsWritingOnItsOwnBeforeAnotherTakesItsShards() throws Exception {
    fleet = new ShardFleet(server, client);
    blackHole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); // never accepts: requests hang
    Canaries.installCrds(client);
    List<String> names = IntStream.range(0, CANARIES).mapToObj(i -> "app-" + i).toList();
    AtomicBoolean cut = new AtomicBoolean();
    AtomicLong leaseRequestsCut = new AtomicLong();
    CanaryController cutOff = fleet.controller(CUT, sharding(CUT), INTERVAL, new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (cut.get() && request.uri().getPath().startsWith("/apis/coordination.k8s.io/")) {
          leaseRequestsCut.incrementAndGet();
          builder.uri(URI.create("http://127.0.0.1:" + blackHole.getLocalPort() + request.uri().getRawPath()));
        }
      }
    }).start();
    await().atMost(Duration.ofSeconds(60)).until(() -> cutOff.heldShards().size() == SHARDS);
    CanaryController other = fleet.controller(OTHER, sharding(OTHER), INTERVAL, null).start();
    List<CanaryController> both = List.of(cutOff, other);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
        cutOff.heldShards().size() == SHARDS / 2 && ShardFleet.held(both).size() == SHARDS);
    fleet.create(names);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .until(() -> fleet.phases(names).values().stream().allMatch(p -> p == Phase.INITIALIZED));
    long released = fleet.next();
    fleet.release(names);
    Set<Integer> cutShards = cutOff.heldShards();
    Set<String> cutCanaries = names.stream().filter(n -> cutShards.contains(shard(n)))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(cutCanaries).isNotEmpty();
    Set<Phase> midRelease = Set.of(Phase.PROGRESSING, Phase.PROMOTING, Phase.FINALISING);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
        fleet.phases(names).entrySet().stream().filter(e -> cutCanaries.contains(e.getKey()))
            .allMatch(e -> midRelease.contains(e.getValue())));

    long cutAt = fleet.next();
    cut.set(true);
    await().atMost(LEASE.plusSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> cutOff.heldShards().isEmpty());
    long endedSeen = fleet.next();
    await().atMost(LEASE.plusSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> other.heldShards().size() == SHARDS);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> fleet.phases(names).values().stream().allMatch(p -> p == Phase.SUCCEEDED));
    other.close();

    assertThat(cutOff.isLeading()).as("the cut-off replica was never closed, its watchdog let go").isFalse();
    assertThat(leaseRequestsCut.get()).as("it kept trying to renew").isPositive();
    List<ShardFleet.Write> byCut = fleet.sideEffects().stream().filter(w -> w.controller().equals(CUT)).toList();
    assertThat(byCut).as("it was releasing its Canaries when it was cut off")
        .anySatisfy(w -> assertThat(w.seq()).isBetween(released, cutAt));
    assertThat(byCut).as("nothing written once its terms had ended")
        .allSatisfy(w -> assertThat(w.seq()).isLessThan(endedSeen));
    for (String canary : cutCanaries) {
      // per Canary: a shard lost to a stall before the cut (and taken by the other replica) stays correct too
      long takenOver = fleet.sideEffects().stream()
          .filter(w -> w.controller().equals(OTHER) && w.canary().equals(canary) && w.seq() > cutAt)
          .mapToLong(ShardFleet.Write::seq).min().orElseThrow();
      assertThat(byCut).as("nothing written to %s after the other replica's first write to it", canary)
          .filteredOn(w -> w.canary().equals(canary)).allSatisfy(w -> assertThat(w.seq()).isLessThan(takenOver));
    }
    fleet.assertPromotedOnce(names);
    fleet.assertNoWriteNear(INTERVAL);
  }

  private static Sharding sharding(String id) {
    return new Sharding(ShardFleet.NS, ShardFleet.GROUP, id, SHARDS, LEASE, RENEW_DEADLINE, Duration.ofSeconds(2));
  }

  private static int shard(String canary) {
    return Sharding.shardOf(ShardFleet.NS + "/" + canary, SHARDS);
  }
}
