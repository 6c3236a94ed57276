package dev.canarykit.k8s.controller;

import dev.canarykit.core.model.CanaryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Canaries of the whole group show, for the shared analysis slots: which analyse and which wait for a
 * slot, in order of arrival. Fed by this replica's Canary informer, which watches every Canary of the
 * controller's scope (sharding decides which ones a replica ticks, not which ones it sees), so every replica of a
 * group sees the same queue, as fresh as its cache. Thread-safe.
 */
final class ClusterQueue {
  /** A canary waiting since {@code since} (its condition's lastTransitionTime, whole seconds). */
  private record Waiting(Instant since, String key) {}

  private static final Comparator<Waiting> ARRIVAL =
      Comparator.comparing(Waiting::since).thenComparing(Waiting::key);

  private final Set<String> analysing = new HashSet<>();
  private final Map<String, Waiting> waiting = new HashMap<>();
  private final TreeSet<Waiting> queue = new TreeSet<>(ARRIVAL);

  /** Canary {@code key} now shows {@code status} ({@code null}: none yet, or one that cannot be read). */
  synchronized void seen(String key, CanaryStatus status) {
    gone(key);
    if (status != null && AnalysisGate.ANALYSING.contains(status.phase())) {
      analysing.add(key);
    } else if (status != null && AnalysisGate.queued(status)) {
      Instant since = status.promotedCondition().lastTransitionTime();
      Waiting w = new Waiting(since == null ? Instant.EPOCH : since, key);
      waiting.put(key, w);
      queue.add(w);
    }
  }

  /** Canary {@code key} was deleted. */
  synchronized void gone(String key) {
    analysing.remove(key);
    Waiting w = waiting.remove(key);
    if (w != null) {
      queue.remove(w);
    }
  }

  /** Whether {@code key} exists and is in analysis. */
  synchronized boolean analyses(String key) {
    return analysing.contains(key);
  }

  /** The canaries in analysis. */
  synchronized Set<String> analysing() {
    return new HashSet<>(analysing);
  }

  /** The waiting canaries in order of arrival (ties, within a second, by namespace/name). */
  synchronized List<String> queue() {
    List<String> out = new ArrayList<>(queue.size());
    queue.forEach(w -> out.add(w.key()));
    return out;
  }
}
