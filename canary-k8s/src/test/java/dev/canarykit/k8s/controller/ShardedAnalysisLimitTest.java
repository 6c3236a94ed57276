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
 * 30 get a new revision at once; once one of its canaries analyses, one replica stops and the two others take its
 * shards over, its canaries keeping their slots. Replaying every tick's decided phase in the order the ticks reported (each tick
 * reports after its status write and before its slot is freed), never more than 5 canaries analyse in the whole
 * group; every release finishes and every slot Lease is free again; no canary overtook one that joined the queue
 * before it ({@link #assertNoneOvertaken}); each that waited has Events with its place, and the places are the group's
 * (larger than the number of canaries any one replica ticks).
 */
@EnableKubernetesMockClient(crud = true)
class ShardedAnalysisLimitTest {
  private static final int CANARIES = 30;
  private static final int LIMIT = 5;
  private static final int SHARDS = 6;
  /** How much earlier a canary must have joined the queue to count as ahead (a second of the wall clock). */
  private static final Duration CLEAR_LEAD = Duration.ofSeconds(10);
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
    Admissions admissions = new Admissions(queue, clock);
    List<String> ids = List.of("replica-a", "replica-b", "replica-c");
    List<CanaryController> controllers = new ArrayList<>();
    for (String id : ids) {
      controllers.add(fleet.controller(id, new Sharding(ShardFleet.NS, ShardFleet.GROUP, id, SHARDS,
          Duration.ofSeconds(10), Duration.ofSeconds(7), Duration.ofSeconds(2)), Duration.ofSeconds(1), null,
          b -> b.maxConcurrentAnalyses(LIMIT).controllerListener(admissions).clock(clock)));
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
    CanaryController leaving = controllers.get(0);
    List<String> moving = names.stream()
        .filter(n -> leaving.heldShards().contains(Sharding.shardOf(ShardFleet.NS + "/" + n, SHARDS))).toList();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> fleet.phases(names)
        .entrySet().stream().anyMatch(e -> moving.contains(e.getKey()) && e.getValue() == Phase.PROGRESSING));
    leaving.close(); // its shards move mid-run; its canaries' slots stay theirs
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
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
    assertNoneOvertaken(admissions);
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

  /** Each admission, in the order of everything the fleet records, at the ticks' clock. */
  private final class Admissions implements ControllerListener {
    private final ControllerListener queue;
    private final Clock clock;
    private final Map<String, Long> seq = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Instant> at = new java.util.concurrent.ConcurrentHashMap<>();

    Admissions(ControllerListener queue, Clock clock) {
      this.queue = queue;
      this.clock = clock;
    }

    @Override
    public void analysisQueued(String namespace, String name, int position) {
      queue.analysisQueued(namespace, name, position);
    }

    @Override
    public void analysisAdmitted(String namespace, String name) {
      at.put(name, clock.instant());
      seq.put(name, fleet.next());
      queue.analysisAdmitted(namespace, name);
    }
  }

  /**
   * No canary was overtaken: whenever a canary got a slot, the canaries holding one (admitted, their run not ended)
   * plus those still waiting that had joined the queue before it were fewer than the limit. "Before" as far as the
   * whole seconds of the queue's times and the informers' delay allow: at least {@link #CLEAR_LEAD} (of the ticks'
   * clock) before it joined the queue, or, for a canary that got a slot without waiting, before it got it.
   */
  private void assertNoneOvertaken(Admissions admissions) {
    Map<String, Instant> joined = new HashMap<>();
    Map<String, Long> joinedSeq = new HashMap<>();
    Map<String, Long> ended = new HashMap<>();
    for (ShardFleet.Tick t : fleet.ticks) {
      CanaryCondition c = t.status() == null ? null : t.status().promotedCondition();
      if (c != null && c.queued()) {
        joined.merge(t.canary(), c.lastTransitionTime().truncatedTo(ChronoUnit.SECONDS),
            (x, y) -> x.isBefore(y) ? x : y);
        joinedSeq.merge(t.canary(), t.seq(), Math::min);
      }
      Long admitted = admissions.seq.get(t.canary());
      if (admitted != null && t.seq() > admitted && t.phase() == Phase.SUCCEEDED) {
        ended.merge(t.canary(), t.seq(), Math::min);
      }
    }
    assertThat(admissions.seq).hasSize(CANARIES);
    admissions.seq.forEach((b, s) -> {
      Instant reference = joined.getOrDefault(b, admissions.at.get(b)).minus(CLEAR_LEAD);
      long holding = admissions.seq.entrySet().stream().filter(e -> !e.getKey().equals(b) && e.getValue() < s
          && ended.getOrDefault(e.getKey(), Long.MAX_VALUE) > s).count();
      List<String> earlier = joined.keySet().stream().filter(a -> !a.equals(b) && joinedSeq.get(a) < s
          && admissions.seq.get(a) > s && !joined.get(a).isAfter(reference)).sorted().toList();
      assertThat(holding + earlier.size()).as("%s got a slot while %d held one and %s, who joined earlier, waited",
          b, holding, earlier).isLessThan(LIMIT);
    });
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
