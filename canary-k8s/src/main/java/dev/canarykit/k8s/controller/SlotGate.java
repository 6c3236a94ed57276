package dev.canarykit.k8s.controller;

import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.AnalysisSlots;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The controller's side of a limit on concurrent analyses: besides answering the machine ({@link AnalysisSlots}),
 * it learns from the controller what the ticks decided and which Canaries this replica ticks.
 * {@link AnalysisGate} keeps the slots in memory (one controller, or a leader); {@link SharedAnalysisGate} keeps
 * them in Leases shared by the replicas of a shard group.
 */
interface SlotGate extends AnalysisSlots {
  /** After a tick of {@code key} that decided {@code status}: holds, keeps or frees its slot and its place. */
  void settle(String key, CanaryStatus status);

  /** {@code key}'s tick did not run the machine (invalid, not driven, failed) or it was deleted: frees its slot. */
  void forget(String key);

  /** {@code key} is no longer ticked here (its shard was lost or given back). */
  void handOver(String key);

  /** This replica took over the Canaries whose statuses are {@code statuses} (a start or a new term). */
  void takeOver(Map<String, CanaryStatus> statuses);

  /** Every term ended: forgets what this replica knew. */
  void clear();

  /**
   * The informer saw Canary {@code key} with the status {@code status} gives (null: none, or unreadable), for a
   * gate that needs the whole group's Canaries; the others never ask for it.
   */
  default void observed(String key, Supplier<CanaryStatus> status) {}

  /** Canary {@code key} was deleted (called on the informer's thread: must not wait on the API server). */
  default void deleted(String key) {
    forget(key);
  }
}
