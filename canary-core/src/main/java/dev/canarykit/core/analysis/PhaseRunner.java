package dev.canarykit.core.analysis;

import static dev.canarykit.core.model.Phase.FINALISING;
import static dev.canarykit.core.model.Phase.PROGRESSING;
import static dev.canarykit.core.model.Phase.PROMOTING;
import static dev.canarykit.core.model.Phase.WAITING_PROMOTION;

import dev.canarykit.core.analysis.Outcome.Revision;
import dev.canarykit.core.analysis.Outcome.Routes;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.CanarySpec.Provider;
import dev.canarykit.core.model.Phase;

/**
 * The work of a tick inside a run (docs/flagger-compatibility.md §1.3 steps 17-25): skip, manual rollback, promotion,
 * finalising, the threshold, then analysis and the strategy's next move.
 */
final class PhaseRunner {
  private final Tick t;
  private final RunControl run;
  private final Revision revision;
  private final Routes routes;

  PhaseRunner(Tick t, RunControl run, Revision revision, Routes routes) {
    this.t = t;
    this.run = run;
    this.revision = revision;
    this.routes = routes;
  }

  void run() {
    Phase phase = t.status().phase();
    boolean analysing = phase == PROGRESSING || phase == WAITING_PROMOTION;
    if (t.spec.skipsAnalysis()) {
      new Promotion(t, run.hooks()).skipped();
      return;
    }
    if (analysing && run.hooks().rollbackRequested()) {
      run.manualRollback(revision);
      return;
    }
    if (phase == PROMOTING) {
      promoting();
      return;
    }
    if (phase == FINALISING) {
      new Promotion(t, run.hooks()).finalise();
      return;
    }
    if (analysing && t.status().current().failedChecks() >= t.analysis.thresholdOrDefault()) {
      run.rollback(revision);
      return;
    }
    if (!analyse()) {
      return;
    }
    Judgement judgement = null;
    if (t.spec.judge() != null && !firstTick()) {
      judgement = JudgeStep.run(t, run, revision);
      if (judgement == null) {
        return;
      }
    }
    new Strategies(t, run, revision, routes, judgement).advance();
  }

  private boolean firstTick() {
    return routes.canaryWeight() == 0 && t.status().current().iterations() == 0
        && !(t.analysis.mirror() && routes.mirrored());
  }

  private void promoting() {
    if (t.spec.autoscalerRef() != null && !t.ok(new Command.ReconcileAutoscaler(true))) {
      return;
    }
    new Promotion(t, run.hooks()).shiftTraffic(routes);
  }

  /**
   * The first tick of a run (no canary traffic, no iterations, not mirrored) runs pre-rollout hooks only; later
   * ticks run rollout hooks and metrics. Any failure counts exactly one failed check.
   */
  private boolean analyse() {
    boolean passed;
    if (firstTick()) {
      t.info("Starting canary analysis for " + t.t());
      passed = run.hooks().preRollout();
    } else {
      passed = run.hooks().rollout() && new MetricChecks(t, t.spec.judge() != null).passed();
    }
    if (!passed) {
      t.status().failedChecks(t.status().current().failedChecks() + 1);
    }
    return passed;
  }

  /** Whether the kubernetes provider's rules apply (no mesh routing, Blue/Green forced). */
  static boolean kubernetesProvider(Tick t) {
    return t.spec.providerType() == Provider.KUBERNETES;
  }
}
