package dev.canarykit.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Command.Workload;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.port.WebhookClient;
import dev.canarykit.core.port.WorkloadStore;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.ScriptedMetricSource;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandExecutorTest {
  private static final Canary C = ContractFixtures.canary();

  /** One instance of every command; {@link #coversEveryPermittedCommand} keeps it complete. */
  static final List<Command<?>> ALL = List.of(new Command.ObserveTarget(), new Command.ReconcileServices(),
      new Command.ProbeMetricProviders(), new Command.EnsurePrimary(), new Command.CheckReadiness(Workload.CANARY),
      new Command.ReconcileAutoscaler(false), new Command.ReconcileApexService(), new Command.ScaleToZero(),
      new Command.ScaleFromZero(), new Command.ReconcileRouting(), new Command.ReadRoutes(),
      new Command.SetRoutes(90, 10, false, null), new Command.Promote(),
      new Command.CallWebhook(ContractFixtures.LOAD_TEST, Phase.PROGRESSING, "abc"),
      new Command.QueryMetric(ContractFixtures.SUCCESS_RATE), new Command.QueryCounts(java.time.Duration.ofMinutes(1)),
      new Command.AcquireAnalysisSlot());

  private final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
  private final InMemoryTrafficRouter router = new InMemoryTrafficRouter();
  private final ScriptedMetricSource metrics = new ScriptedMetricSource();
  private final InMemoryWebhookClient webhooks = new InMemoryWebhookClient();
  private final CommandExecutor executor = new CommandExecutor(workloads, router, metrics, webhooks);

  private Outcome run(Command<?> c) {
    return executor.execute(C, c, ManualClock.DEFAULT_START);
  }

  @Test
  void coversEveryPermittedCommand() {
    Set<Class<?>> permitted = Arrays.stream(Command.class.getPermittedSubclasses()).collect(Collectors.toSet());
    assertThat(ALL.stream().map(Object::getClass).collect(Collectors.toSet())).isEqualTo(permitted);
    router.reconcile(C);
    workloads.ensurePrimary(C);
    metrics.countsAnswer(w -> new Outcome.Counts(new dev.canarykit.core.judge.IntervalCounts(
        dev.canarykit.core.judge.VersionCounts.NONE, dev.canarykit.core.judge.VersionCounts.NONE)));
    for (Command<?> c : ALL) {
      assertThat(run(c)).as(c.toString()).isNotNull().isNotInstanceOf(Outcome.Failed.class);
    }
  }

  @Test
  void routesEachCommandToItsPort() {
    run(new Command.EnsurePrimary());
    run(new Command.CheckReadiness(Workload.PRIMARY));
    run(new Command.ReconcileAutoscaler(true));
    run(new Command.ScaleToZero());
    run(new Command.Promote());
    assertThat(workloads.calls()).containsExactly("ensurePrimary", "readiness(PRIMARY)",
        "reconcileAutoscaler(update)", "scaleToZero", "promote");
    run(new Command.ReconcileRouting());
    run(new Command.SetRoutes(80, 20, true, null));
    assertThat(run(new Command.ReadRoutes())).isEqualTo(new Outcome.Routes(80, 20, true));
    run(new Command.QueryMetric(ContractFixtures.SUCCESS_RATE));
    assertThat(metrics.queries()).containsExactly("request-success-rate");
    run(new Command.CallWebhook(ContractFixtures.LOAD_TEST, Phase.PROGRESSING, "abc"));
    assertThat(webhooks.calledHooks()).containsExactly("load-test");
  }

  @Test
  void exceptionsBecomeFailures() {
    var broken = new CommandExecutor(Ports.throwing(WorkloadStore.class, "api down"),
        Ports.throwing(TrafficRouter.class, "istio down"), Ports.throwing(MetricSource.class, "prom down"),
        Ports.throwing(WebhookClient.class, "hook down"), PortCalls.DIRECT,
        Ports.throwing(dev.canarykit.core.port.AnalysisSlots.class, "slots down"));
    for (Command<?> c : ALL) {
      Outcome o = broken.execute(C, c, ManualClock.DEFAULT_START);
      assertThat(o).as(c.toString()).isInstanceOf(Outcome.Failed.class);
    }
    assertThat(broken.execute(C, new Command.ReadRoutes(), ManualClock.DEFAULT_START))
        .isEqualTo(new Outcome.Failed("istio down"));
    assertThat(broken.execute(C, new Command.QueryMetric(ContractFixtures.SUCCESS_RATE), ManualClock.DEFAULT_START))
        .isEqualTo(new Outcome.Failed("prom down"));
  }

  @Test
  void nullAnswersBecomeFailures() {
    var silent = new CommandExecutor(Ports.returningNull(WorkloadStore.class),
        Ports.returningNull(TrafficRouter.class), Ports.returningNull(MetricSource.class),
        Ports.returningNull(WebhookClient.class), PortCalls.DIRECT,
        Ports.returningNull(dev.canarykit.core.port.AnalysisSlots.class));
    for (Command<?> c : ALL) {
      Outcome o = silent.execute(C, c, ManualClock.DEFAULT_START);
      assertThat(o).as(c.toString()).isEqualTo(new Outcome.Failed("the port returned no outcome for " + c));
    }
  }

  @Test
  void passesTheCanarysReadinessThresholdsAndDeadline() {
    var seen = new java.util.ArrayList<String>();
    WorkloadStore spy = Ports.recordingReadiness(seen);
    var canary = new Canary(C.name(), C.namespace(), C.spec().toBuilder().progressDeadlineSeconds(90)
        .analysis(C.spec().analysis().toBuilder().primaryReadyThreshold(80).canaryReadyThreshold(60).build())
        .build());
    var e = new CommandExecutor(spy, router, metrics, webhooks);
    e.execute(canary, new Command.CheckReadiness(Workload.PRIMARY), ManualClock.DEFAULT_START);
    e.execute(canary, new Command.CheckReadiness(Workload.CANARY), ManualClock.DEFAULT_START);
    assertThat(seen).containsExactly("PRIMARY 80 PT1M30S 2024-01-01T00:00:00Z", "CANARY 60 PT1M30S 2024-01-01T00:00:00Z");
  }
}
