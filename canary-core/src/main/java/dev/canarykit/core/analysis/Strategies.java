package dev.canarykit.core.analysis;

import dev.canarykit.core.analysis.Outcome.Routes;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.Phase;

/** The next move after a passing analysis: canary weights, A/B iterations or Blue/Green (§1.8, §1.11, §1.12). */
final class Strategies {
  private static final int KUBERNETES_ITERATIONS = 10;

  private final Tick t;
  private final Hooks hooks;
  private final Routes routes;
  private final boolean kubernetes;
  private final Judgement judgement;
  private final RunControl run;
  private final Outcome.Revision revision;

  Strategies(Tick t, RunControl run, Outcome.Revision revision, Routes routes, Judgement judgement) {
    this.t = t;
    this.run = run;
    this.revision = revision;
    this.hooks = run.hooks();
    this.routes = routes;
    this.kubernetes = PhaseRunner.kubernetesProvider(t);
    this.judgement = judgement;
  }

  /** Asks the confirm-promotion gates; a gate that waited too long rolls the canary back. */
  private boolean promotionGate(int iterations) {
    Gate gate = hooks.confirmPromotion(iterations);
    if (gate == Gate.TIMED_OUT) {
      run.rollback(revision);
    }
    return gate == Gate.APPROVED;
  }

  /** Promotes, unless the judge has not yet shown the canary non-inferior (then it holds and says why). */
  private void promote() {
    if (!JudgeStep.promotionAllowed(judgement)) {
      t.info("Halt " + t.c() + " advancement judge holds promotion: " + judgement.summary());
      return;
    }
    if (judgement != null) {
      t.info("Judge cleared " + t.c() + " for promotion" + (judgement.horizonReached() ? " at its horizon" : "")
          + ": " + judgement.summary());
    }
    new Promotion(t, hooks).promote();
  }

  void advance() {
    boolean match = !t.analysis.match().isEmpty();
    int iterations = t.analysis.iterationsOrZero();
    if (kubernetes) {
      if (match) {
        t.warning("A/B testing is not supported when using the kubernetes provider");
        match = false;
      }
      if (iterations < 1) {
        t.warning("Progressive traffic is not supported when using the kubernetes provider");
        t.warning("Setting canaryAnalysis.iterations: " + KUBERNETES_ITERATIONS);
        iterations = KUBERNETES_ITERATIONS;
      }
    }
    if (match && iterations > 0) {
      abTesting(iterations);
    } else if (iterations > 0) {
      blueGreen(iterations);
    } else {
      canary();
    }
  }

  private void abTesting(int n) {
    int done = t.status().current().iterations();
    if (n > done) {
      if (Routing.set(t, 0, 100, false)) {
        iterate(done, n);
      }
      return;
    }
    if (promotionGate(n) && n == done) {
      promote();
    }
  }

  private void blueGreen(int n) {
    int done = t.status().current().iterations();
    if (n > done) {
      if (!kubernetes && t.analysis.mirror() && !routes.mirrored()) {
        // Flagger goes on counting the iteration even when mirroring could not be set.
        Routing.set(t, 100, 0, true);
      }
      iterate(done, n);
      return;
    }
    if (!promotionGate(n)) {
      return;
    }
    if (n == done) {
      if (!kubernetes) {
        t.info(t.analysis.mirror() ? "Stop traffic mirroring and route all traffic to canary"
            : "Routing all traffic to canary");
        if (!Routing.set(t, 0, 100, false)) {
          return;
        }
      }
      t.status().iterations(done + 1);
    } else {
      promote();
    }
  }

  private void iterate(int done, int n) {
    t.status().iterations(done + 1);
    t.info("Advance " + t.c() + " canary iteration " + (done + 1) + "/" + n);
  }

  private void canary() {
    int weight = routes.canaryWeight();
    int step = t.analysis.nextStepWeight(weight);
    if (step <= 0) {
      return;
    }
    Phase phase = t.status().phase();
    if (!routes.mirrored() && phase != Phase.WAITING_PROMOTION && !hooks.confirmTrafficIncrease()) {
      return;
    }
    if (weight < t.analysis.effectiveMaxWeight()) {
      stepUp(weight, step);
    } else if (promotionGate(0)) {
      promote();
    }
  }

  /** One step: the mirrored step first when mirroring, then the weight walk (may overshoot maxWeight). */
  private void stepUp(int weight, int step) {
    int next;
    boolean mirrored = false;
    if (t.analysis.mirror() && weight == 0) {
      mirrored = !routes.mirrored();
      next = mirrored ? 0 : Math.min(100, step);
    } else {
      next = Math.min(100, weight + step);
    }
    if (!Routing.set(t, 100 - next, next, mirrored)) {
      return;
    }
    t.status().weight(next);
    t.info("Advance " + t.c() + " canary weight " + next);
  }
}
