package dev.canarykit.core.analysis;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import dev.canarykit.core.model.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The status as it evolves during one tick, with Flagger's status setters (docs/flagger-compatibility.md §2). Every
 * write stamps {@code lastTransitionTime}; phase changes go through {@link PhaseTable}.
 */
final class StatusOps {
  private final Canary canary;
  private final CanaryStatus start;
  private final Instant now;
  private CanaryStatus current;

  StatusOps(Canary canary, CanaryStatus start, Instant now) {
    this.canary = canary;
    this.start = start;
    this.now = now;
    this.current = start;
  }

  /** The status the tick started from. */
  CanaryStatus start() {
    return start;
  }

  CanaryStatus current() {
    return current;
  }

  CanaryStatus finish() {
    return current;
  }

  Phase phase() {
    return current.phase();
  }

  boolean changed() {
    return !current.equals(start);
  }

  /** Writes the Initializing condition of a canary seen for the first time. */
  void ensureInitialCondition() {
    if (current.phase() == Phase.INITIALIZING && current.conditions().isEmpty()) {
      write(b -> b.conditions(condition(Phase.INITIALIZING)));
    }
  }

  /** Records that an analysis step ran now, whether or not it changes anything else (pacing). */
  void stamp() {
    write(b -> b);
  }

  void failedChecks(int n) {
    write(b -> b.failedChecks(n));
  }

  void weight(int w) {
    write(b -> b.canaryWeight(w));
  }

  void iterations(int n) {
    write(b -> b.iterations(n));
  }

  void judge(dev.canarykit.core.judge.JudgeState state) {
    write(b -> b.judge(state));
  }

  void cookies(String canaryCookie, String previous, String primary) {
    write(b -> b.sessionAffinityCookie(canaryCookie).previousSessionAffinityCookie(previous)
        .primarySessionAffinityCookie(primary));
  }

  /** Adopts a revision record without starting or ending anything (foreign hashes, see RevisionCheck). */
  void revision(String lastApplied, String lastPromoted, Map<String, String> tracked) {
    write(b -> b.lastAppliedSpec(lastApplied).lastPromotedSpec(lastPromoted).trackedConfigs(tracked));
  }

  /**
   * Flagger's SetStatusPhase: outside Progressing, Waiting and Promoting the weight and iterations are zeroed
   * (WaitingPromotion keeps {@code iterations - 1}); Initialized and Succeeded record the promoted spec.
   */
  void phase(Phase p, int analysisIterations) {
    PhaseTable.require(current.phase(), p);
    write(b -> {
      b.phase(p);
      if (p != Phase.PROGRESSING && p != Phase.WAITING && p != Phase.PROMOTING) {
        b.canaryWeight(0).iterations(p == Phase.WAITING_PROMOTION ? Math.max(0, analysisIterations - 1) : 0);
      }
      if (p == Phase.INITIALIZED || p == Phase.SUCCEEDED) {
        b.lastPromotedSpec(current.lastAppliedSpec());
      }
      return b.conditions(conditionFor(p));
    });
  }

  /**
   * Waiting for an analysis slot: phase Waiting, condition reason {@value CanaryCondition#QUEUED} with
   * {@code message}. Its lastTransitionTime is when the canary joined the queue and is kept while it waits; a new
   * message (its place changed) updates lastUpdateTime. Returns whether the message is new.
   */
  boolean queued(String message) {
    CanaryCondition old = current.promotedCondition();
    if (current.phase() == Phase.WAITING && old != null && old.queued() && old.message().equals(message)) {
      return false;
    }
    PhaseTable.require(current.phase(), Phase.WAITING);
    Instant since = old != null && old.queued() ? old.lastTransitionTime() : now;
    CanaryCondition next = new CanaryCondition(CanaryCondition.PROMOTED, "Unknown", CanaryCondition.QUEUED, message,
        now, since);
    write(b -> b.phase(Phase.WAITING).conditions(List.of(next)));
    return true;
  }

  /**
   * Flagger's SyncStatus: phase and counters as given, lastAppliedSpec and trackedConfigs from the live target;
   * Initialized also records the promoted spec.
   */
  void sync(Phase p, int weight, int failedChecks, int iterations, Outcome.Revision revision) {
    PhaseTable.require(current.phase(), p);
    write(b -> {
      b.phase(p).canaryWeight(weight).failedChecks(failedChecks).iterations(iterations)
          .lastAppliedSpec(revision.specHash()).trackedConfigs(revision.trackedConfigs()).judge(null);
      if (p == Phase.INITIALIZED) {
        b.lastPromotedSpec(revision.specHash());
      }
      return b.conditions(conditionFor(p));
    });
  }

  private void write(UnaryOperator<CanaryStatus.Builder> change) {
    current = change.apply(current.toBuilder()).lastTransitionTime(now).build();
  }

  /** The condition list after moving to {@code p}: replaced only when its status or reason changes. */
  private List<CanaryCondition> conditionFor(Phase p) {
    CanaryCondition old = current.promotedCondition();
    List<CanaryCondition> fresh = condition(p);
    CanaryCondition next = fresh.get(0);
    if (old != null && old.status().equals(next.status()) && old.reason().equals(next.reason())) {
      return current.conditions();
    }
    if (old != null && old.status().equals(next.status())) {
      return List.of(new CanaryCondition(next.type(), next.status(), next.reason(), next.message(), now,
          old.lastTransitionTime()));
    }
    return fresh;
  }

  private List<CanaryCondition> condition(Phase p) {
    String kind = canary.spec().targetRef().kind();
    String status = "Unknown";
    String message;
    switch (p) {
      case INITIALIZED: status = "True"; message = kind + " initialization completed."; break;
      case WAITING:
      case WAITING_PROMOTION: message = "Waiting for approval."; break;
      case PROGRESSING: message = "New revision detected, progressing canary analysis."; break;
      case PROMOTING: message = "Canary analysis completed, starting primary rolling update."; break;
      case FINALISING: message = "Canary analysis completed, routing all traffic to primary."; break;
      case SUCCEEDED: status = "True"; message = "Canary analysis completed successfully, promotion finished."; break;
      case FAILED: status = "False"; message = "Canary analysis failed, " + kind + " scaled to zero."; break;
      default: message = "New " + kind + " detected, starting initialization."; break;
    }
    return List.of(new CanaryCondition(CanaryCondition.PROMOTED, status, p.wireName(), message, now, now));
  }
}
