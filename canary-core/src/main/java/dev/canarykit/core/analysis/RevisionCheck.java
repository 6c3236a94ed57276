package dev.canarykit.core.analysis;

import dev.canarykit.core.analysis.Outcome.Revision;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.internal.Hashes;

/** Revision detection (docs/flagger-compatibility.md §1.4) and adoption of a status written by Flagger. */
final class RevisionCheck {
  private RevisionCheck() {}

  /**
   * Whether the tick goes past reconciliation: always during a run; otherwise only when the target changed.
   *
   * <p>Unlike Flagger, a Failed canary's lastAppliedSpec is not re-synced before the check: the change stays
   * visible until a run really starts, so a tick that stops early cannot lose it (docs/decisions.md).
   */
  static boolean shouldAdvance(CanaryStatus status, Revision revision) {
    return status.phase().isActive() || changed(status, revision);
  }

  /** A new pod-template hash (unless it is the promoted one) or changed tracked configs. */
  static boolean changed(CanaryStatus status, Revision revision) {
    String hash = revision.specHash();
    boolean specChanged = status.lastAppliedSpec().isEmpty()
        || (!hash.equals(status.lastPromotedSpec()) && !hash.equals(status.lastAppliedSpec()));
    return specChanged || !revision.trackedConfigs().equals(status.trackedConfigs());
  }

  /**
   * A status whose lastAppliedSpec has not canarykit's hash shape was written by Flagger. canarykit cannot
   * recompute Flagger's hash, so it assumes Flagger saw the target as it is now and adopts the current hash
   * and configs instead of starting a spurious run. A promoted hash equal to the applied one is adopted too.
   */
  static void adoptForeign(StatusOps ops, Revision revision) {
    CanaryStatus s = ops.current();
    String applied = s.lastAppliedSpec();
    if (applied.isEmpty() || Hashes.isCanarykitHash(applied) || !Hashes.isCanarykitHash(revision.specHash())) {
      return;
    }
    String promoted = s.lastPromotedSpec().equals(applied) ? revision.specHash() : s.lastPromotedSpec();
    ops.revision(revision.specHash(), promoted, revision.trackedConfigs());
  }
}
