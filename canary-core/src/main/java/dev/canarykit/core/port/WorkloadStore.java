package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import java.time.Duration;
import java.time.Instant;

/**
 * The workloads a Canary drives: the target, its {@code -primary} copy, their services and autoscaler
 * (docs/flagger-compatibility.md §3, §4.1).
 *
 * <p>Every method takes the Canary first; adapters read names, ports, labels and the autoscaler reference from
 * its spec. Every method is idempotent (a reconcile towards a desired state) and reports failures as
 * {@link Outcome.Failed} with a message fit for an event text, never by throwing.
 */
public interface WorkloadStore {

  /**
   * Reads the target's revision: its pod-template hash and the checksums of its tracked configs.
   *
   * @return {@link Outcome.Revision}, or {@link Outcome.Failed} when the target cannot be read
   */
  Outcome.RevisionResult observeTarget(Canary canary);

  /** Creates or updates the {@code <svc>-primary} and {@code <svc>-canary} services: {@link Outcome#OK} or failed. */
  Outcome.OkResult reconcileServices(Canary canary);

  /** Creates {@code <target>-primary} and its config copies when missing: {@link Outcome#OK} or failed. */
  Outcome.OkResult ensurePrimary(Canary canary);

  /**
   * Checks a workload's readiness (docs/flagger-compatibility.md §3.5, §1.7).
   *
   * @param workload the primary or the target (canary)
   * @param thresholdPercent percent (0-100) of updated replicas that must be available
   * @param progressDeadline how long a rollout may lack minimum availability before it is failed
   * @param now the tick's time, to compare with the workload's condition times
   * @return ready, waiting (retriable; also for read errors) or failed (non-retriable)
   */
  Outcome.Readiness readiness(
      Canary canary, Command.Workload workload, int thresholdPercent, Duration progressDeadline, Instant now);

  /**
   * Creates the primary autoscaler when the canary has an autoscaler reference and it is missing.
   *
   * @param allowUpdate whether an existing primary autoscaler may be changed (promotion only)
   * @return {@link Outcome#OK} (also without an autoscaler reference) or failed
   */
  Outcome.OkResult reconcileAutoscaler(Canary canary, boolean allowUpdate);

  /** Points the apex service {@code <svc>} at the primary pods: {@link Outcome#OK} or failed. */
  Outcome.OkResult reconcileApexService(Canary canary);

  /** Scales the target to zero replicas: {@link Outcome#OK} or failed. */
  Outcome.OkResult scaleToZero(Canary canary);

  /** Scales the target up from zero (docs/flagger-compatibility.md §3.4): {@link Outcome#OK} or failed. */
  Outcome.OkResult scaleFromZero(Canary canary);

  /** Copies the target's template spec and configs to the primary (§3.3): {@link Outcome#OK} or failed. */
  Outcome.OkResult promote(Canary canary);

  /**
   * Restores the target and the apex service when a Canary with {@code revertOnDeletion} is deleted (§3.7): the
   * target is scaled back up to the primary's replicas and the apex service selects the target's pods again.
   *
   * @return {@link Outcome#OK} or failed
   */
  Outcome.OkResult revert(Canary canary);
}
