package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;

/**
 * Limits how many canaries analyse at once. The machine asks for a slot
 * ({@link dev.canarykit.core.analysis.Command.AcquireAnalysisSlot}) when a new revision's run is about to start,
 * after the confirm-rollout gates approved; initialization, rollback, promotion and finalising never ask. An
 * implementation answers {@link Outcome.Admitted} (the canary holds a slot until its run ends, which the
 * implementation learns on its own, for example from the statuses the ticks write) or {@link Outcome.Queued}.
 * Asking again while holding a slot is admitted. {@link #UNLIMITED} admits every canary.
 */
public interface AnalysisSlots {
  /** Admits every canary: no limit. */
  AnalysisSlots UNLIMITED = canary -> new Outcome.Admitted();

  /** A slot for {@code canary}, or its place in the queue. */
  Outcome.SlotResult acquire(Canary canary);
}
