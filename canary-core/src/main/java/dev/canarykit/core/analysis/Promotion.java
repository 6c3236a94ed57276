package dev.canarykit.core.analysis;

import dev.canarykit.core.analysis.Outcome.Routes;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Phase;

/** Promoting, Finalising and the skip-analysis promotion (docs/flagger-compatibility.md §1.10, §1.13). */
final class Promotion {
  private final Tick t;
  private final Hooks hooks;

  Promotion(Tick t, Hooks hooks) {
    this.t = t;
    this.hooks = hooks;
  }

  /** Copies the canary to the primary and enters Promoting. */
  void promote() {
    t.info("Copying " + t.t() + " template spec to " + primary());
    if (t.ok(new Command.Promote())) {
      t.status().phase(Phase.PROMOTING, t.analysis.iterationsOrZero());
    }
  }

  /**
   * Moves traffic back to the primary, all at once or by {@code stepWeightPromotion}. Unlike Flagger, a canary
   * weight already at 0 during a stepped promotion finishes the shift instead of waiting forever
   * (docs/decisions.md).
   */
  void shiftTraffic(Routes routes) {
    int step = t.analysis.stepWeightPromotionOrZero();
    if (PhaseRunner.kubernetesProvider(t)) {
      finishShift();
    } else if (step == 0) {
      t.info("Routing all traffic to primary");
      if (Routing.set(t, 100, 0, false)) {
        finishShift();
      }
    } else if (routes.canaryWeight() > 0) {
      int primaryWeight = Math.min(100, routes.primaryWeight() + step);
      if (!Routing.set(t, primaryWeight, 100 - primaryWeight, false)) {
        return;
      }
      t.info("Advance " + t.c() + " primary weight " + primaryWeight);
      if (primaryWeight == 100) {
        finishShift();
      } else {
        t.status().weight(100 - primaryWeight);
      }
    } else {
      finishShift();
    }
  }

  private void finishShift() {
    t.status().phase(Phase.FINALISING, t.analysis.iterationsOrZero());
  }

  /** One interval after the shift: scale the canary down and succeed. */
  void finalise() {
    if (!t.ok(new Command.ScaleToZero())) {
      return;
    }
    succeed();
    t.info("Promotion completed! Scaling down " + t.t());
    t.alert(Severity.INFO, "Canary analysis completed successfully, promotion finished.", false);
  }

  /** skipAnalysis: primary takes all traffic, the canary is copied over and scaled down at once. */
  void skipped() {
    if (!Routing.set(t, 100, 0, false)) {
      return;
    }
    t.info("Copying " + t.t() + " template spec to " + primary());
    if (!t.ok(new Command.Promote())) {
      return;
    }
    if (t.spec.autoscalerRef() != null && !t.ok(new Command.ReconcileAutoscaler(true))) {
      return;
    }
    if (!t.ok(new Command.ScaleToZero())) {
      return;
    }
    succeed();
    t.info("Promotion completed! Canary analysis was skipped for " + t.t());
    t.alert(Severity.INFO, "Canary analysis was skipped, promotion finished.", false);
  }

  private void succeed() {
    t.status().phase(Phase.SUCCEEDED, t.analysis.iterationsOrZero());
    hooks.postRollout(Phase.SUCCEEDED);
  }

  private String primary() {
    return t.spec.targetRef().name() + "-primary." + t.canary.namespace();
  }
}
