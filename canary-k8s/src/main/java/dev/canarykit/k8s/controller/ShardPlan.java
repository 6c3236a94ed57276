package dev.canarykit.k8s.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one replica does with the shards in one round, from what it sees: its fair share ({@link #quota}), the
 * shards it gives back ({@link #release}, highest first) and those it tries to take ({@link #acquire}, lowest
 * first). Pure: no I/O, no clock.
 *
 * <p><b>Fair share.</b> The live replicas (holders of unexpired Leases of the group, and this one) are sorted by
 * identity; with {@code S} shards and {@code R} replicas the replica at rank {@code r} may hold
 * {@code S / R + (r < S % R ? 1 : 0)} shards, so the shares add up to {@code S} exactly and replicas beyond
 * {@code S} hold none (standbys). A replica holding more gives back the excess; one holding less takes free
 * shards only, never a shard another live replica holds. Every replica converges on the same shares once their
 * views agree.
 *
 * @param quota how many shards this replica may hold
 * @param release the held shards to give back
 * @param acquire the free shards to try to take
 */
record ShardPlan(int quota, List<Integer> release, List<Integer> acquire) {

  /**
   * The plan of replica {@code me}.
   *
   * @param shards the number of shards
   * @param replicas the identities of the live replicas (this one may be missing)
   * @param held the shards this replica holds and ticks
   * @param free the shards nobody holds: no Lease, an empty holder, an expired Lease, or a Lease naming this
   *     replica that it no longer ticks (after a failed renewal)
   */
  static ShardPlan of(String me, int shards, Set<String> replicas, Set<Integer> held, Set<Integer> free) {
    SortedSet<String> live = new TreeSet<>(replicas);
    live.add(me);
    int rank = live.headSet(me).size();
    int quota = shards / live.size() + (rank < shards % live.size() ? 1 : 0);
    List<Integer> release = new ArrayList<>();
    List<Integer> acquire = new ArrayList<>();
    if (held.size() > quota) {
      new TreeSet<>(held).descendingSet().stream().limit(held.size() - quota).forEach(release::add);
    } else {
      new TreeSet<>(free).stream().filter(s -> !held.contains(s)).limit(quota - held.size())
          .forEach(acquire::add);
    }
    return new ShardPlan(quota, List.copyOf(release), List.copyOf(acquire));
  }
}
