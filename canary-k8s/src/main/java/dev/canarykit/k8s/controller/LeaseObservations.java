package dev.canarykit.k8s.controller;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a Lease held by another replica expired, judged as Kubernetes' leader election does: on this replica's
 * own monotonic clock, from the moment it first saw the Lease's current version, never from the times written in
 * the Lease (the replicas' wall clocks may disagree). A Lease this replica has just started to watch counts as
 * just renewed, so a replica that starts waits a full lease duration before it takes the shards of a silent one.
 * Pure: the caller passes the time in.
 */
final class LeaseObservations {
  private final Map<String, Seen> seen = new HashMap<>();

  /** What was seen of a Lease: its version and when it was first seen with it ({@link System#nanoTime()}). */
  private record Seen(String version, long sinceNanos) {}

  /**
   * Records the Lease {@code name} at {@code version} seen at {@code nowNanos}; whether it expired: its holder is
   * empty, or it has not changed for longer than {@code duration}.
   */
  boolean expired(String name, String version, String holder, Duration duration, long nowNanos) {
    Seen s = seen.get(name);
    if (s == null || !s.version().equals(version)) {
      s = new Seen(version, nowNanos);
      seen.put(name, s);
    }
    return holder == null || holder.isEmpty() || nowNanos - s.sinceNanos() > duration.toNanos();
  }

  /** Forgets every Lease not in {@code names} (deleted ones). */
  void retain(Set<String> names) {
    seen.keySet().retainAll(names);
  }
}
