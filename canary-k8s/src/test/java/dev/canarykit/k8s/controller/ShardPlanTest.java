package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shard assignment without I/O: the stable hash, the fair share, giving back and taking over. */
class ShardPlanTest {

  @Test
  void theHashIsFnv1aOfNamespaceSlashNameAndNeverChanges() {
    assertThat(Sharding.fnv1a(new byte[0])).isEqualTo(0x811c9dc5);
    assertThat(Sharding.fnv1a("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xe40c292c);
    assertThat(Sharding.fnv1a("foobar".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xbf9cf968);
    Sharding s = Sharding.of("canarykit", "canarykit", "pod-0");
    // pinned: other tools (and older replicas) compute the same shard
    assertThat(s.shardOf("test", "podinfo")).isEqualTo(
        Integer.remainderUnsigned(Sharding.fnv1a("test/podinfo".getBytes(StandardCharsets.UTF_8)), 12));
    assertThat(IntStream.range(0, 5).map(i -> s.shardOf("test", "podinfo")).distinct().count()).isEqualTo(1);
    assertThat(s.withShards(1).shardOf("any", "thing")).isZero();
  }

  @Test
  void canariesSpreadEvenlyOverTheShards() {
    int[] counts = new int[12];
    for (int i = 0; i < 12_000; i++) {
      counts[Sharding.shardOf("team-" + (i % 37) + "/service-" + i, 12)]++;
    }
    assertThat(IntStream.of(counts).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(800, 1200));
  }

  @Test
  void theSharesAddUpToTheShardsByRankOfIdentity() {
    Set<String> three = Set.of("a", "b", "c");
    assertThat(ShardPlan.of("a", 12, three, Set.of(), Set.of()).quota()).isEqualTo(4);
    assertThat(List.of("a", "b", "c").stream().mapToInt(id -> ShardPlan.of(id, 16, three, Set.of(), Set.of())
        .quota()).toArray()).containsExactly(6, 5, 5);
    assertThat(ShardPlan.of("z", 2, three, Set.of(), Set.of()).quota()).as("beyond the shards: a standby")
        .isZero();
    assertThat(ShardPlan.of("b", 12, Set.of(), Set.of(), Set.of()).quota()).as("alone").isEqualTo(12);
  }

  @Test
  void aReplicaTakesOnlyFreeShardsUpToItsShareLowestFirst() {
    ShardPlan plan = ShardPlan.of("b", 12, Set.of("a", "b", "c"), Set.of(7), Set.of(3, 1, 9, 10, 11));
    assertThat(plan.release()).isEmpty();
    assertThat(plan.acquire()).containsExactly(1, 3, 9);
  }

  @Test
  void aReplicaAboveItsShareGivesBackItsHighestShards() {
    ShardPlan plan = ShardPlan.of("a", 12, Set.of("a", "b", "c"), Set.of(0, 1, 2, 3, 4, 5, 6), Set.of(8));
    assertThat(plan.release()).containsExactly(6, 5, 4);
    assertThat(plan.acquire()).isEmpty();
  }

  @Test
  void replicasConvergeOnADisjointCoverAndTheSurvivorsTakeOverADeadOnesShards() {
    Cluster cluster = new Cluster(12);
    cluster.rounds(List.of("c"), 3);
    assertThat(cluster.holders()).hasSize(12).containsOnlyKeys(range(12)).allSatisfy((s, h) -> assertThat(h)
        .isEqualTo("c"));
    cluster.rounds(List.of("a", "b", "c"), 6);
    assertThat(cluster.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 4, "b", 4, "c", 4));
    cluster.kill("b");
    cluster.rounds(List.of("a", "c"), 4);
    assertThat(cluster.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 6, "c", 6));
    cluster.rounds(List.of("a", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"), 10);
    assertThat(cluster.holders()).hasSize(12);
    assertThat(cluster.counts().values()).containsOnly(1);
  }

  @Test
  void badSettingsAreRefusedWithTheirValue() {
    assertThatThrownBy(() -> Sharding.of("canarykit", "Canary_Kit", "pod-0"))
        .hasMessageContaining("'Canary_Kit'");
    assertThatThrownBy(() -> Sharding.of("canarykit", "canarykit", "pod-0").withShards(0))
        .hasMessageContaining("shards must be 1 to 1024, but was 0");
    assertThatThrownBy(() -> Sharding.of("canarykit", "canarykit", " ")).hasMessageContaining("identity");
    assertThatThrownBy(() -> Sharding.of("canarykit", "canarykit", "pod-0").withTimings(Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofSeconds(2))).hasMessageContaining("PT2S, PT10S, PT10S");
    assertThatThrownBy(() -> Sharding.of("canarykit", "canarykit", "pod-0").withTimings(Duration.ofMillis(10_500),
        Duration.ofSeconds(10), Duration.ofSeconds(2))).hasMessageContaining("whole seconds");
  }

  @Test
  void aLeaseExpiresWhenItsVersionStaysTheSameForItsDurationOnOurClock() {
    LeaseObservations seen = new LeaseObservations();
    Duration d = Duration.ofSeconds(10);
    long s = 1_000_000_000L;
    assertThat(seen.expired("l", "1", "a", d, 0)).as("first sight counts as a renewal").isFalse();
    assertThat(seen.expired("l", "1", "a", d, 9 * s)).isFalse();
    assertThat(seen.expired("l", "2", "a", d, 11 * s)).as("renewed").isFalse();
    assertThat(seen.expired("l", "2", "a", d, 20 * s)).isFalse();
    assertThat(seen.expired("l", "2", "a", d, 21 * s + 1)).isTrue();
    assertThat(seen.expired("m", "1", "", d, 21 * s)).as("given back").isTrue();
    seen.retain(Set.of("m"));
    assertThat(seen.expired("l", "2", "a", d, 40 * s)).as("forgotten, seen anew").isFalse();
  }

  private static Set<Integer> range(int n) {
    Set<Integer> out = new TreeSet<>();
    IntStream.range(0, n).forEach(out::add);
    return out;
  }

  /**
   * Leases in memory, rounds in lock step: each live replica plans from what it sees and takes shards first come,
   * first served, as the guarded writes make it.
   */
  private static final class Cluster {
    private final int shards;
    private final Map<Integer, String> holder = new HashMap<>();

    Cluster(int shards) {
      this.shards = shards;
    }

    void rounds(List<String> replicas, int n) {
      for (int round = 0; round < n; round++) {
        for (String me : replicas) {
          Set<Integer> mine = new TreeSet<>();
          Set<Integer> free = new TreeSet<>(range(shards));
          holder.forEach((s, h) -> {
            free.remove(s);
            if (h.equals(me)) {
              mine.add(s);
            }
          });
          ShardPlan plan = ShardPlan.of(me, shards, Set.copyOf(replicas), mine, free);
          plan.release().forEach(holder::remove);
          plan.acquire().forEach(s -> holder.putIfAbsent(s, me));
          assertThat(mine.size() - plan.release().size() + plan.acquire().size()).isLessThanOrEqualTo(plan.quota());
        }
      }
    }

    /** A dead replica's Leases expire: its shards become free. */
    void kill(String replica) {
      holder.values().removeIf(replica::equals);
    }

    Map<Integer, String> holders() {
      return new TreeMap<>(holder);
    }

    Map<String, Integer> counts() {
      Map<String, Integer> out = new TreeMap<>();
      holder.values().forEach(h -> out.merge(h, 1, Integer::sum));
      return out;
    }
  }
}
