package dev.canarykit.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.core.analysis.Outcome.CountsResult;
import dev.canarykit.core.analysis.Outcome.MetricResult;
import dev.canarykit.core.analysis.Outcome.OkResult;
import dev.canarykit.core.analysis.Outcome.ReadinessResult;
import dev.canarykit.core.analysis.Outcome.RevisionResult;
import dev.canarykit.core.analysis.Outcome.RoutesResult;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.ScriptedMetricSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The README's reconciler loop, as a user writes it: the pure machine driven by the user's own code. A user's
 * {@link Command.Handler} is checked by the compiler; a user who answers by hand and gets a type wrong is stopped
 * at the step with an exception that names the command and the expected type, never with a failed check.
 */
class ReconcilerLoopTest {
  private static final String LETTERS = World.ENTROPY;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
  private final InMemoryTrafficRouter router = new InMemoryTrafficRouter();
  private final ScriptedMetricSource metrics = new ScriptedMetricSource();
  private final InMemoryWebhookClient webhooks = new InMemoryWebhookClient();

  /** The loop of the README's "pure decision function" section, with {@code adapters} as the handler. */
  private static CanaryStatus reconcile(
      CanaryAnalysis machine, CanaryStatus status, Instant now, Command.Handler adapters) {
    Transition t = machine.step(TickInput.start(status, now, LETTERS));
    while (!t.complete()) {
      TickInput input = t.nextInput();
      for (Command<?> c : t.commands()) input = input.with(c.accept(adapters));
      t = machine.step(input);
    }
    return t.status();
  }

  @Test
  void aHandlerOverTheUsersAdaptersRunsTheSeedReleaseToPromotion() {
    Canary canary = Fixtures.seed();
    CanaryAnalysis machine = CanaryAnalysis.of(canary);
    Command.Handler adapters = new Adapters(canary, T0);
    CanaryStatus status = reconcile(machine, CanaryStatus.initial(), T0, adapters);
    assertThat(status.phase()).isEqualTo(Phase.INITIALIZED);
    workloads.setTargetRevision("podinfo:3.1.1");
    Instant now = T0;
    for (int i = 0; i < 20 && status.phase() != Phase.SUCCEEDED; i++) {
      now = now.plus(Duration.ofMinutes(1));
      status = reconcile(machine, status, now, new Adapters(canary, now));
    }
    assertThat(status.phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(workloads.calls()).contains("promote");
  }

  @Test
  void aReconcilerThatAnswersWithTheWrongTypeGetsAnExceptionAtTheStepNamingTheCommandAndTheExpectedType() {
    CanaryAnalysis machine = CanaryAnalysis.of(Fixtures.seed());
    Transition first = machine.step(TickInput.start(CanaryStatus.initial(), T0, LETTERS));
    TickInput wrong = first.nextInput().with(Outcome.OK); // an instanceof chain whose default answers OK
    assertThatThrownBy(() -> machine.step(wrong)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("answer 1 of the tick, Ok[], does not answer ObserveTarget[]: expected Outcome.RevisionResult "
            + "(Outcome.Revision or Outcome.Failed)");
  }

  @Test
  void aCommandTheReconcilerDoesNotKnowIsAnExceptionAtTheStepNotARollbackTicksLater() {
    World w = new World(Fixtures.with(Fixtures.seedSpec().toBuilder().judge(JudgeConfig.forCanary(Fixtures.seedSpec()))
        .build()));
    w.override = c -> c instanceof Command.QueryCounts ? Outcome.OK : null;
    w.tick();
    w.targetHash = "rev2";
    w.tick();
    w.tick();
    CanaryStatus before = w.status;
    assertThatThrownBy(w::tick).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not answer QueryCounts[window=PT1M]: expected Outcome.CountsResult "
            + "(Outcome.Counts or Outcome.Failed)");
    assertThat(w.status).isEqualTo(before);
    assertThat(w.events).noneMatch(e -> e.contains("Halt"));
  }

  @Test
  void aMissingAnswerIsAnExceptionNamingTheCommand() {
    CanaryAnalysis machine = CanaryAnalysis.of(Fixtures.seed());
    Transition first = machine.step(TickInput.start(CanaryStatus.initial(), T0, LETTERS));
    assertThatThrownBy(() -> machine.step(first.nextInput())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no answer for ObserveTarget[], command 1 of the tick: the input answers 0 of the 1 commands "
            + "asked; answer each with Outcome.RevisionResult (Outcome.Revision or Outcome.Failed)");
  }

  @Test
  void aNullAnswerOrAnAnswerNobodyAskedForIsRejectedWhereItIsAdded() {
    CanaryAnalysis machine = CanaryAnalysis.of(Fixtures.seed());
    TickInput start = TickInput.start(CanaryStatus.initial(), T0, LETTERS);
    Transition first = machine.step(start);
    assertThatThrownBy(() -> first.nextInput().with(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("answer 1 of the tick is null: answer every command with an Outcome, a failure with "
            + "Outcome.Failed");
    assertThatThrownBy(() -> start.with(Outcome.OK)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("every command asked so far has its answer (0)");
  }

  @Test
  void everyStepOfATickDecidesFromTheStartStatusEvenWhenTheTickChangedItMidway() {
    World w = new World(Fixtures.seed());
    w.tick();
    w.targetHash = "rev2";
    w.advance(Duration.ofMinutes(1));
    CanaryStatus start = w.status;
    CanaryAnalysis machine = w.machine;
    Transition t = machine.step(TickInput.start(start, w.now, LETTERS));
    boolean changedMidway = false;
    while (!t.complete()) {
      changedMidway |= !t.status().equals(start);
      assertThat(t.input().status()).isSameAs(start);
      TickInput input = t.nextInput();
      for (Command<?> c : t.commands()) {
        input = input.with(c instanceof Command.ObserveTarget ? new Outcome.Revision("rev2", java.util.Map.of())
            : c instanceof Command.CheckReadiness ? Outcome.Readiness.READY
            : c instanceof Command.ReadRoutes ? new Outcome.Routes(100, 0, false)
            : c instanceof Command.AcquireAnalysisSlot ? new Outcome.Admitted() : Outcome.OK);
      }
      t = machine.step(input);
    }
    assertThat(changedMidway).isTrue();
    assertThat(t.status().phase()).isEqualTo(Phase.PROGRESSING);
  }

  @Test
  void theMachineStopsATickThatAsksForMoreThanItsCommandLimit() {
    World w = new World(Fixtures.seed());
    w.machine = CanaryAnalysis.of(Fixtures.seed(), 3);
    assertThatThrownBy(w::tick).isInstanceOf(IllegalStateException.class)
        .hasMessage("the tick asked for more than 3 commands; the last was EnsurePrimary[]");
    assertThat(CanaryAnalysis.of(Fixtures.seed()).commandLimit()).isEqualTo(64 + 4 * (2 + 2));
  }

  /** A user's adapters: here the in-memory ports, one typed method per command. */
  private final class Adapters implements Command.Handler {
    private final Canary canary;
    private final Instant now;

    Adapters(Canary canary, Instant now) {
      this.canary = canary;
      this.now = now;
    }

    @Override
    public RevisionResult observeTarget(Command.ObserveTarget command) {
      return workloads.observeTarget(canary);
    }

    @Override
    public OkResult reconcileServices(Command.ReconcileServices command) {
      return workloads.reconcileServices(canary);
    }

    @Override
    public OkResult probeMetricProviders(Command.ProbeMetricProviders command) {
      return metrics.probe(canary);
    }

    @Override
    public OkResult ensurePrimary(Command.EnsurePrimary command) {
      return workloads.ensurePrimary(canary);
    }

    @Override
    public ReadinessResult checkReadiness(Command.CheckReadiness command) {
      return workloads.readiness(canary, command.workload(), 100, Duration.ofMinutes(10), now);
    }

    @Override
    public OkResult reconcileAutoscaler(Command.ReconcileAutoscaler command) {
      return workloads.reconcileAutoscaler(canary, command.allowUpdate());
    }

    @Override
    public OkResult reconcileApexService(Command.ReconcileApexService command) {
      return workloads.reconcileApexService(canary);
    }

    @Override
    public OkResult scaleToZero(Command.ScaleToZero command) {
      return workloads.scaleToZero(canary);
    }

    @Override
    public OkResult scaleFromZero(Command.ScaleFromZero command) {
      return workloads.scaleFromZero(canary);
    }

    @Override
    public OkResult reconcileRouting(Command.ReconcileRouting command) {
      return router.reconcile(canary);
    }

    @Override
    public RoutesResult readRoutes(Command.ReadRoutes command) {
      return router.readRoutes(canary);
    }

    @Override
    public OkResult setRoutes(Command.SetRoutes command) {
      return router.setRoutes(canary, command);
    }

    @Override
    public OkResult promote(Command.Promote command) {
      return workloads.promote(canary);
    }

    @Override
    public OkResult callWebhook(Command.CallWebhook command) {
      return webhooks.call(canary, command);
    }

    @Override
    public MetricResult queryMetric(Command.QueryMetric command) {
      return new Outcome.MetricValue(command.metric().name().equals("request-success-rate") ? 99.9 : 100);
    }

    @Override
    public CountsResult queryCounts(Command.QueryCounts command) {
      return metrics.counts(canary, command.window());
    }

    @Override
    public Outcome.SlotResult acquireAnalysisSlot(Command.AcquireAnalysisSlot command) {
      return new Outcome.Admitted();
    }
  }
}
