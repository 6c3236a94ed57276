package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The limit on concurrent analyses holds across the replicas of a shard group: three controllers, each with its
 * own client and {@code maxConcurrentAnalyses(5)}, share 30 canaries through 6 shards on one mock server, and all
 * 30 get a new revision at once. Replaying every tick's decided phase in the order the ticks reported (each tick
 * reports after its status write and before its slot is freed), never more than 5 canaries analyse in the whole
 * group; every release finishes and every slot Lease is free again; the canaries that waited were admitted in the
 * order they joined the queue, as far as whole seconds tell it (a canary that joined in an earlier second than
 * another was admitted before it); each that waited has Events with its place, and the places are the group's
 * (larger than the number of canaries any one replica ticks).
 */
@EnableKubernetesMockClient(crud = true)
class ShardedAnalysisLimitTest {
  private static final int CANARIES = 30;
  private static final int LIMIT = 5;
  private static final int SHARDS = 6;
  KubernetesClient client;
  KubernetesMockServer server;
  private ShardFleet fleet;

  @AfterEach
  void closeAll() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES) // a backstop: the waits below have bounds of their own
  void thirtyNewRevisionsOnThreeReplicasAnalyseFiveAtATimeInTheGroupsOrderOfArrival() throws Exception {
    fleet = new ShardFleet(server, client);
    List<String> names = IntStream.range(0, CANARIES).mapToObj(i -> String.format("app-%02d", i)).toList();
    Canaries.installCrds(client);
    AnalysisLimitTest.Queue queue = new AnalysisLimitTest.Queue();
    Clock clock = new TenTimesFaster();
    List<String> ids = List.of("replica-a", "replica-b", "replica-c");
    List<CanaryController> controllers = new ArrayList<>();
    for (String id : ids) {
      controllers.add(fleet.controller(id, new Sharding(ShardFleet.NS, ShardFleet.GROUP, id, SHARDS,
          Duration.ofSeconds(10), Duration.ofSeconds(7), Duration.ofSeconds(2)), Duration.ofSeconds(1), null,
          b -> b.maxConcurrentAnalyses(LIMIT).controllerListener(queue).clock(clock)));
    }
    CompletableFuture.allOf(controllers.stream().map(c -> CompletableFuture.runAsync(c::start))
        .toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
        controllers.stream().allMatch(c -> c.heldShards().size() == SHARDS / ids.size()));

    // one analysis step, paced at 10 s of the ticks' clock: one a second
    fleet.create(names, yaml -> yaml.replace("stepWeight: 10", "stepWeight: 50")
        .replace("progressDeadlineSeconds: 60", "progressDeadlineSeconds: 600"));
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .until(() -> fleet.phases(names).values().stream().allMatch(p -> p == Phase.INITIALIZED));
    int mostOnOneReplica = controllers.stream().mapToInt(c -> (int) names.stream()
        .filter(n -> c.heldShards().contains(Sharding.shardOf(ShardFleet.NS + "/" + n, SHARDS))).count())
        .max().orElseThrow();

    fleet.release(names);
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(fleet.phases(names)).as("phases; slots %s; last events %s", slotHolders(), lastEvents())
            .allSatisfy((n, p) -> assertThat(p).isEqualTo(Phase.SUCCEEDED)));
    AnalysisLimitTest.Analysing analysing = new AnalysisLimitTest.Analysing();
    fleet.ticks.stream().sorted(Comparator.comparingLong(ShardFleet.Tick::seq))
        .forEach(t -> analysing.ticked(t.canary(), t.phase()));
    assertThat(analysing.max()).as("canaries in analysis at once in the group").isEqualTo(LIMIT);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        assertThat(slotHolders()).as("slot Leases after every run ended").hasSize(LIMIT)
            .allSatisfy((slot, holder) -> assertThat(holder).isEmpty()));
    controllers.forEach(CanaryController::close);

    assertThat(queue.admitted()).as("every canary started once").hasSize(CANARIES).doesNotHaveDuplicates();
    assertThat(queue.waited()).as("canaries that waited").hasSizeGreaterThanOrEqualTo(CANARIES - LIMIT);
    assertAdmittedInOrderOfArrival(queue);
    AnalysisLimitTest.assertWaitedWithEvents(slotEvents(), queue, LIMIT);
    assertThat(queue.waited().stream().mapToInt(queue::firstPosition).max().orElseThrow())
        .as("places in the group's queue, not in one replica's").isGreaterThan(mostOnOneReplica);
  }

  /**
   * The ticks' clock runs ten times faster than the wall clock, so the analysis interval (at least 10 s) paces one
   * step per tick of a second, and a whole second of the queue's arrival times is a tenth of a real one.
   */
  private static final class TenTimesFaster extends Clock {
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();

    @Override
    public Instant instant() {
      return start.plusNanos((System.nanoTime() - startNanos) * 10);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** A canary that joined the queue in an earlier second than another was admitted before it. */
  private void assertAdmittedInOrderOfArrival(AnalysisLimitTest.Queue queue) {
    Map<String, Instant> joined = new HashMap<>();
    for (ShardFleet.Tick t : fleet.ticks) {
      CanaryCondition c = t.status() == null ? null : t.status().promotedCondition();
      if (c != null && c.queued()) {
        joined.merge(t.canary(), c.lastTransitionTime().truncatedTo(ChronoUnit.SECONDS),
            (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    assertThat(joined.keySet()).containsExactlyInAnyOrderElementsOf(queue.waited());
    List<String> admitted = queue.admitted();
    for (String a : joined.keySet()) {
      for (String b : joined.keySet()) {
        if (joined.get(a).isBefore(joined.get(b))) {
          assertThat(admitted.indexOf(a)).as("%s joined at %s, before %s at %s", a, joined.get(a), b, joined.get(b))
              .isLessThan(admitted.indexOf(b));
        }
      }
    }
  }

  /** The "waiting for an analysis slot" Events of each canary, in the order they were sent. */
  private Map<String, List<String>> slotEvents() {
    Map<String, List<String>> out = new TreeMap<>();
    fleet.events.stream().sorted(Comparator.comparingLong(ShardFleet.Write::seq))
        .filter(e -> e.what().contains("waiting for an analysis slot"))
        .forEach(e -> out.computeIfAbsent(e.canary(), k -> new ArrayList<>()).add(e.what()));
    return out;
  }

  private List<String> lastEvents() {
    List<ShardFleet.Write> all = new ArrayList<>(fleet.events);
    return all.subList(Math.max(0, all.size() - 15), all.size()).stream()
        .map(e -> e.controller() + " " + e.canary() + ": " + e.what()).toList();
  }

  /** Slot Lease name to holder, as on the server. */
  private Map<String, String> slotHolders() {
    Map<String, String> out = new TreeMap<>();
    for (Lease l : client.resources(Lease.class).inNamespace(ShardFleet.NS)
        .withLabel(Sharding.GROUP_LABEL, ShardFleet.GROUP).list().getItems()) {
      if (l.getMetadata().getName().startsWith(ShardFleet.GROUP + "-analysis-")) {
        out.put(l.getMetadata().getName(), l.getSpec().getHolderIdentity());
      }
    }
    return out;
  }
}
