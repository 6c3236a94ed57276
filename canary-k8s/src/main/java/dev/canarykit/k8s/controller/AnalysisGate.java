package dev.canarykit.k8s.controller;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import dev.canarykit.core.model.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The controller's limit on concurrent analyses ({@code ControllerConfig.maxConcurrentAnalyses}): at most
 * {@code limit} canaries hold a slot, from the start of their run until it ends (Succeeded, Failed, or any phase
 * outside Progressing, WaitingPromotion, Promoting and Finalising), and the others wait in a queue served in order
 * of arrival. The machine asks only when a run is about to start, so initialization, rollback, promotion and
 * finalising are never held.
 *
 * <p>Free slots go to the head of the queue at once, in order of arrival, and each such canary starts at its next
 * tick. What holds a slot is learnt from the status each tick decided ({@link #settle}); a canary admitted in a
 * tick that did not start its run (scaling up failed) keeps its slot until its next tick. At a take-over the slots and
 * the queue are rebuilt from the statuses in the cache ({@link #takeOver}). Thread-safe.
 */
final class AnalysisGate implements SlotGate {
  /** The phases of a canary in analysis: it holds a slot. */
  static final Set<Phase> ANALYSING =
      EnumSet.of(Phase.PROGRESSING, Phase.WAITING_PROMOTION, Phase.PROMOTING, Phase.FINALISING);

  private final int limit;
  private final ControllerListener listener;
  private final Set<String> running = new HashSet<>();
  /** Given a slot while waiting, not yet asked again: the slot is theirs until their next request. */
  private final Set<String> reserved = new HashSet<>();
  /** Admitted since their last settled tick: they keep the slot even if that tick did not start the run. */
  private final Set<String> fresh = new HashSet<>();
  private final LinkedHashSet<String> queue = new LinkedHashSet<>();

  AnalysisGate(int limit, ControllerListener listener) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
    }
    this.limit = limit;
    this.listener = listener;
  }

  @Override
  public synchronized Outcome.SlotResult acquire(Canary canary) {
    String key = canary.namespace() + "/" + canary.name();
    if (!running.contains(key)) {
      queue.add(key);
      fill();
    }
    if (running.contains(key)) {
      reserved.remove(key);
      fresh.add(key);
      return new Outcome.Admitted();
    }
    int position = indexOf(key) + 1;
    listener.analysisQueued(canary.namespace(), canary.name(), position);
    return new Outcome.Queued(position, limit);
  }

  @Override
  public synchronized void settle(String key, CanaryStatus status) {
    boolean admittedThisTick = fresh.remove(key);
    if (ANALYSING.contains(status.phase())) {
      running.add(key);
      reserved.remove(key);
      queue.remove(key);
      return;
    }
    boolean stillWaiting = queued(status);
    if (reserved.contains(key) ? !stillWaiting : !admittedThisTick) {
      running.remove(key);
      reserved.remove(key);
    }
    if (!stillWaiting) {
      queue.remove(key);
    }
    fill();
  }

  /** {@code key} is gone, invalid or no longer ticked here: frees its slot and its place. */
  @Override
  public synchronized void forget(String key) {
    running.remove(key);
    reserved.remove(key);
    fresh.remove(key);
    queue.remove(key);
    fill();
  }

  /**
   * Rebuilds the slots and the queue from the statuses of a take-over, in one pass: a canary in analysis holds a
   * slot (also beyond the limit, when it was lowered: no run is ever stopped), a queued one waits in the order it
   * joined the queue (its condition's lastTransitionTime, whole seconds; ties by namespace/name).
   */
  @Override
  public synchronized void takeOver(Map<String, CanaryStatus> statuses) {
    running.clear();
    reserved.clear();
    fresh.clear();
    queue.clear();
    List<Map.Entry<String, Instant>> waiting = new ArrayList<>();
    statuses.forEach((key, status) -> {
      if (ANALYSING.contains(status.phase())) {
        running.add(key);
      } else if (queued(status)) {
        Instant joined = status.promotedCondition().lastTransitionTime();
        waiting.add(Map.entry(key, joined == null ? Instant.EPOCH : joined));
      }
    });
    waiting.sort(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    waiting.forEach(e -> queue.add(e.getKey()));
    fill();
  }

  /** Forgets every slot and place (the term ended). */
  @Override
  public synchronized void clear() {
    running.clear();
    reserved.clear();
    fresh.clear();
    queue.clear();
  }

  /**
   * Hands every free slot to the head of the queue, in order of arrival: the canary keeps it until its next
   * request, which is admitted. So a canary that ticks first never overtakes one that arrived before it.
   */
  private void fill() {
    while (running.size() < limit && !queue.isEmpty()) {
      String head = queue.iterator().next();
      queue.remove(head);
      running.add(head);
      reserved.add(head);
      String[] names = head.split("/", 2);
      listener.analysisAdmitted(names[0], names[1]);
    }
  }

  /** Frees the slot and the place of a canary no longer ticked here: its next holder counts it again. */
  @Override
  public void handOver(String key) {
    forget(key);
  }

  /** How many canaries hold a slot, and how many wait (for tests). */
  synchronized int[] sizes() {
    return new int[] {running.size(), queue.size()};
  }

  /** The queue in order (for tests). */
  synchronized List<String> queue() {
    return List.copyOf(queue);
  }

  /** Whether {@code status} is that of a canary waiting for a slot. */
  static boolean queued(CanaryStatus status) {
    CanaryCondition c = status.promotedCondition();
    return status.phase() == Phase.WAITING && c != null && c.queued();
  }

  private int indexOf(String key) {
    int i = 0;
    for (String k : queue) {
      if (k.equals(key)) {
        return i;
      }
      i++;
    }
    return -1;
  }
}
