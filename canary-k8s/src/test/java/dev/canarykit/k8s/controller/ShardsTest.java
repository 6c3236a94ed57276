package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three controllers, each with its own client, share 60 Canaries through 6 shard Leases on one mock server. Once
 * they hold two shards each, the Canaries are created and initialized, then every one gets a new revision;
 * mid-release one controller dies without giving its Leases back (its client is closed first, as when its pod is
 * killed). The two others take its shards over once the Leases expire (within the lease duration plus a margin),
 * every release finishes with exactly one promotion per Canary, and no Canary is ticked by two controllers at
 * once: the test records every tick (start and end) and every write (status, workloads, services, routes, events)
 * with the controller that made it, and no controller writes a Canary's objects while another ticks that Canary or
 * within one tick interval before. (A tick that lost its shard may still be reading when the next holder starts;
 * it can no longer write.) The mock server serves about 30 requests a second on a loaded machine, hence the
 * in-memory events and generous bounds.
 */
@EnableKubernetesMockClient(crud = true)
class ShardsTest {
  private static final int CANARIES = 60;
  private static final int SHARDS = 6;
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration LEASE = Duration.ofSeconds(10);
  /** The take-over must come within the lease duration plus this (two rounds, a loaded machine). */
  private static final Duration TAKE_OVER_MARGIN = Duration.ofSeconds(15);
  KubernetesClient client;
  KubernetesMockServer server;
  private ShardFleet fleet;

  @AfterEach
  void closeAll() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  @Timeout(value = 9, unit = TimeUnit.MINUTES) // a backstop: the waits below have bounds of their own
  void threeReplicasShareTheCanariesAndTheSurvivorsFinishADeadOnesReleases() throws Exception {
    fleet = new ShardFleet(server, client);
    List<String> names = IntStream.range(0, CANARIES).mapToObj(i -> "app-" + i).toList();
    Canaries.installCrds(client);
    List<String> ids = List.of("replica-a", "replica-b", "replica-c");
    List<CanaryController> controllers = new ArrayList<>();
    for (String id : ids) {
      controllers.add(fleet.controller(id, new Sharding(ShardFleet.NS, ShardFleet.GROUP, id, SHARDS, LEASE,
          Duration.ofSeconds(7), Duration.ofSeconds(2)), INTERVAL, null));
    }
    CompletableFuture.allOf(controllers.stream().map(c -> CompletableFuture.runAsync(c::start))
        .toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
        controllers.stream().allMatch(c -> c.heldShards().size() == SHARDS / ids.size())
            && ShardFleet.held(controllers).size() == SHARDS);
    fleet.create(names);
    assertThat(fleet.leaseHolders()).as("each shard's Lease names the replica that ticks it")
        .isEqualTo(holders(controllers, ids));
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .until(() -> fleet.phases(names).values().stream().allMatch(p -> p == Phase.INITIALIZED));

    fleet.release(names);
    CanaryController victim = controllers.get(0);
    Set<String> victims = names.stream().filter(n -> victim.heldShards().contains(shard(n))).collect(
        Collectors.toCollection(TreeSet::new));
    assertThat(victims).isNotEmpty();
    Set<Phase> midRelease = Set.of(Phase.PROGRESSING, Phase.PROMOTING, Phase.FINALISING);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
        fleet.phases(names).entrySet().stream().filter(e -> victims.contains(e.getKey()))
            .allMatch(e -> midRelease.contains(e.getValue())));

    Instant killed = Instant.now();
    fleet.clientOf(ids.get(0)).close(); // the pod dies: nothing it does reaches the API server any more
    victim.close();
    Instant victimStopped = Instant.now();
    List<CanaryController> survivors = controllers.subList(1, 3);
    await().atMost(LEASE.plus(TAKE_OVER_MARGIN)).pollInterval(Duration.ofMillis(200))
        .until(() -> ShardFleet.held(survivors).size() == SHARDS);
    Duration takeOver = Duration.between(killed, Instant.now());
    assertThat(fleet.leaseHolders()).isEqualTo(holders(survivors, ids.subList(1, 3)));

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> fleet.phases(names).values().stream().allMatch(p -> p == Phase.SUCCEEDED));
    controllers.forEach(CanaryController::close);

    assertThat(takeOver).as("take-over after %s", takeOver).isLessThan(LEASE.plus(TAKE_OVER_MARGIN));
    fleet.assertPromotedOnce(names);
    assertThat(fleet.writes).as("the client records writes").anySatisfy(w -> assertThat(w.what()).contains("PATCH"));
    assertThat(fleet.writes).filteredOn(w -> w.controller().equals(ids.get(0)))
        .allSatisfy(w -> assertThat(w.at()).isBefore(victimStopped));
    assertThat(fleet.ticks).as("the survivors finished the dead replica's releases")
        .filteredOn(t -> victims.contains(t.canary()) && t.start().isAfter(victimStopped)).isNotEmpty();
    fleet.assertNoWriteNear(INTERVAL);
  }

  /** Shard to holder as the controllers see it. */
  private static Map<Integer, String> holders(List<CanaryController> controllers, List<String> ids) {
    Map<Integer, String> out = new TreeMap<>();
    for (int i = 0; i < controllers.size(); i++) {
      String id = ids.get(i);
      controllers.get(i).heldShards().forEach(s -> out.put(s, id));
    }
    return out;
  }

  private static int shard(String canary) {
    return Sharding.shardOf(ShardFleet.NS + "/" + canary, SHARDS);
  }
}
