package dev.canarykit.core.analysis;

import dev.canarykit.core.analysis.Outcome.Revision;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Phase;

/** Starting, restarting, rolling back and failing a run (docs/flagger-compatibility.md §1.5, §1.9, §1.10). */
final class RunControl {
  private final Tick t;
  private final Hooks hooks;

  RunControl(Tick t) {
    this.t = t;
    this.hooks = new Hooks(t);
  }

  Hooks hooks() {
    return hooks;
  }

  /**
   * Starts a run from Initialized, Succeeded, Failed or Waiting: confirm-rollout gate, scale up, Progressing.
   * While Waiting, rollback hooks are polled first, so a release stuck at the gate can be aborted (Flagger
   * never polls them there, #1432; docs/decisions.md).
   */
  void startRun(Revision revision) {
    if (t.status().phase() == Phase.WAITING && hooks.rollbackRequested()) {
      manualRollback(revision);
      return;
    }
    Gate gate = hooks.confirmRollout();
    if (gate == Gate.TIMED_OUT) {
      rollback(revision);
    }
    if (gate != Gate.APPROVED || !admitted()) {
      return;
    }
    t.info("New revision detected! Scaling up " + t.t());
    t.alert(Severity.INFO, "New revision detected, progressing canary analysis.", true);
    if (t.await(new Command.ScaleFromZero()) instanceof Outcome.Failed f) {
      t.error(f.message());
      return;
    }
    t.status().sync(Phase.PROGRESSING, 0, 0, 0, revision);
  }

  /**
   * Whether the run may start now: the controller's limit on concurrent analyses admits it (a canary that skips
   * its analysis goes straight to promotion and never asks). A queued canary moves
   * to Waiting with the reason {@code AnalysisQueued} and its place in the queue; the event is emitted when the
   * canary joins the queue and whenever its place changes.
   */
  private boolean admitted() {
    if (t.spec.skipsAnalysis()) {
      return true;
    }
    Outcome.SlotResult slot = t.await(new Command.AcquireAnalysisSlot());
    if (slot instanceof Outcome.Admitted) {
      return true;
    }
    if (slot instanceof Outcome.Queued q) {
      String why = "waiting for an analysis slot: position " + q.position() + " in the queue, at most "
          + q.limit() + " analyses at once";
      if (t.status().queued("Canary is " + why + ".")) {
        t.info("Halt " + t.c() + " advancement " + why);
      }
    } else {
      t.warning("Halt " + t.c() + " advancement, no analysis slot: " + Tick.failure(slot));
    }
    return false;
  }

  /** A new revision during analysis: all traffic back to the primary, counters reset. */
  void restart(Revision revision) {
    t.info("New revision detected! Restarting analysis for " + t.t());
    if (Routing.set(t, 100, 0, false)) {
      t.status().sync(Phase.PROGRESSING, 0, 0, 0, revision);
    }
  }

  /** A rollback asked for by a rollback webhook. */
  void manualRollback(Revision revision) {
    t.warning("Rolling back " + t.c() + " manual webhook invoked");
    t.alert(Severity.WARN, "Rolling back manual webhook invoked", false);
    rollback(revision);
  }

  /**
   * Rollback: traffic to the primary first (if the router fails, nothing else moves and the next tick tries
   * again), then scale the canary to zero, Failed, post-rollout hooks.
   */
  void rollback(Revision revision) {
    int failed = t.status().current().failedChecks();
    if (failed >= t.analysis.thresholdOrDefault()) {
      t.warning("Rolling back " + t.c() + " failed checks threshold reached " + failed);
      t.alert(Severity.ERROR, "Failed checks threshold reached " + failed, false);
    }
    if (!Routing.set(t, 100, 0, false)) {
      return;
    }
    t.warning("Canary failed! Scaling down " + t.c());
    if (!t.ok(new Command.ScaleToZero())) {
      return;
    }
    t.status().sync(Phase.FAILED, 0, 0, 0, revision);
    hooks.postRollout(Phase.FAILED);
  }

  /** The primary will not become ready during promotion: traffic to the canary, which stays up. */
  void failedPromotion(Revision revision, String error) {
    t.warning("Promotion of " + t.t() + " failed, primary not ready: " + error);
    t.alert(Severity.ERROR, "Promotion failed, primary not ready: " + error, false);
    if (!Routing.set(t, 0, 100, false)) {
      return;
    }
    t.status().sync(Phase.FAILED, 100, 0, 0, revision);
    hooks.postRollout(Phase.FAILED);
  }
}
