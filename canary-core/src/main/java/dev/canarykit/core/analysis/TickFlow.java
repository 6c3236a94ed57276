package dev.canarykit.core.analysis;

import static dev.canarykit.core.model.Phase.FINALISING;
import static dev.canarykit.core.model.Phase.INITIALIZED;
import static dev.canarykit.core.model.Phase.INITIALIZING;
import static dev.canarykit.core.model.Phase.PROGRESSING;
import static dev.canarykit.core.model.Phase.PROMOTING;
import static dev.canarykit.core.model.Phase.WAITING_PROMOTION;

import dev.canarykit.core.analysis.Command.Workload;
import dev.canarykit.core.analysis.Outcome.Readiness;
import dev.canarykit.core.analysis.Outcome.Revision;
import dev.canarykit.core.analysis.Outcome.Routes;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Phase;

/** One tick, in Flagger's order (docs/flagger-compatibility.md §1.3): reconcile, detect, then run the current phase. */
final class TickFlow {
  private final Tick t;
  private final RunControl run;

  TickFlow(Tick t) {
    this.t = t;
    this.run = new RunControl(t);
  }

  void run() {
    if (t.spec.suspend()) {
      t.info("skipping canary run as object is suspended");
      return;
    }
    t.status().ensureInitialCondition();
    Revision revision = observe();
    if (revision == null || !reconcile(revision)) {
      return;
    }
    if (!RevisionCheck.shouldAdvance(t.status().current(), revision)) {
      return;
    }
    advance(revision);
  }

  private Revision observe() {
    Outcome o = t.await(new Command.ObserveTarget());
    if (o instanceof Revision revision) {
      RevisionCheck.adoptForeign(t.status(), revision);
      return revision;
    }
    t.warning(Tick.failure(o));
    return null;
  }

  /** Steps 3-10: services, provider probe, primary, autoscaler, apex, scale-down, routing, Initialized. */
  private boolean reconcile(Revision revision) {
    boolean initializing = t.status().phase() == INITIALIZING;
    boolean analysed = !t.spec.skipsAnalysis();
    if (!t.ok(new Command.ReconcileServices())) {
      return false;
    }
    if (initializing && analysed) {
      probeProviders();
    }
    if (!t.ok(new Command.EnsurePrimary())) {
      return false;
    }
    if (initializing && analysed && !primaryReadyForInit(revision)) {
      return false;
    }
    if (t.spec.autoscalerRef() != null && !t.ok(new Command.ReconcileAutoscaler(false))) {
      return false;
    }
    if (!t.ok(new Command.ReconcileApexService())) {
      return false;
    }
    if (initializing && !t.ok(new Command.ScaleToZero(), scaleDownFailure())) {
      return false;
    }
    if (!t.ok(new Command.ReconcileRouting())) {
      return false;
    }
    if (initializing) {
      initialized(revision);
    }
    return true;
  }

  private String scaleDownFailure() {
    return "scaling down canary " + t.spec.targetRef().kind() + " " + t.t() + " failed: %s";
  }

  private void probeProviders() {
    if (t.await(new Command.ProbeMetricProviders()) instanceof Outcome.Failed f) {
      t.error("Error checking metric providers: " + f.message());
    } else {
      t.info("all the metrics providers are available!");
    }
  }

  private boolean primaryReadyForInit(Revision revision) {
    Readiness r = readiness(Workload.PRIMARY);
    if (r.state() == Readiness.State.FAILED) {
      run.rollback(revision);
    }
    return r.state() == Readiness.State.READY;
  }

  private void initialized(Revision revision) {
    t.status().sync(INITIALIZED, 0, 0, 0, revision);
    t.info("Initialization done! " + t.c());
    t.alert(Severity.INFO, "New " + t.spec.targetRef().kind() + " detected, initialization completed.", true);
  }

  /**
   * Steps 12-25: readiness, routes, start or restart a run, then the phase's own work. Readiness (which may roll
   * back) and a restart for a new revision run on every tick; starting a run and the phase's work are analysis
   * steps, taken at most once per interval ({@link Tick#stepDue()}).
   */
  private void advance(Revision revision) {
    Phase phase = t.status().phase();
    if (!t.spec.skipsAnalysis() && !primaryReady(revision, phase)) {
      return;
    }
    Outcome o = t.await(new Command.ReadRoutes());
    if (!(o instanceof Routes routes)) {
      t.warning(Tick.failure(o));
      return;
    }
    t.liveRoutes(routes);
    if (phase != PROGRESSING && phase != WAITING_PROMOTION && phase != PROMOTING && phase != FINALISING) {
      if (t.stepDue()) {
        run.startRun(revision);
      }
      return;
    }
    if ((phase == PROGRESSING || phase == WAITING_PROMOTION) && RevisionCheck.changed(t.status().current(), revision)) {
      run.restart(revision);
      return;
    }
    if (!canaryReady(revision) || !t.stepDue()) {
      return;
    }
    new PhaseRunner(t, run, revision, routes).run();
  }

  private boolean primaryReady(Revision revision, Phase phase) {
    Readiness r = readiness(Workload.PRIMARY);
    if (r.state() == Readiness.State.FAILED) {
      if (phase == PROMOTING || phase == FINALISING) {
        run.failedPromotion(revision, r.message());
      } else {
        run.rollback(revision);
      }
    }
    return r.state() == Readiness.State.READY;
  }

  private boolean canaryReady(Revision revision) {
    Readiness r = readiness(Workload.CANARY);
    if (r.state() == Readiness.State.FAILED) {
      run.rollback(revision);
    }
    return r.state() == Readiness.State.READY;
  }

  /** Asks for readiness; a not-ready answer is emitted as a warning (never a failed check). */
  private Readiness readiness(Workload workload) {
    Outcome o = t.await(new Command.CheckReadiness(workload));
    Readiness r = o instanceof Readiness answer ? answer : Readiness.waiting(Tick.failure(o));
    if (r.state() != Readiness.State.READY) {
      t.warning(r.message());
    }
    return r;
  }
}
