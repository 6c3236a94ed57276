package dev.canarykit.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Transition;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.WorkloadStore;
import dev.canarykit.core.testing.InMemoryStatusStore;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.RecordingEventSink;
import dev.canarykit.core.testing.ScriptedMetricSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryDriverTest {
  private static final Canary C = ContractFixtures.canary();
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEF";

  private final ManualClock clock = ManualClock.ofDefaults();
  private final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
  private final InMemoryTrafficRouter router = new InMemoryTrafficRouter();
  private final ScriptedMetricSource metrics = new ScriptedMetricSource().fix("request-success-rate", 99.5);
  private final InMemoryStatusStore statuses = new InMemoryStatusStore();
  private final RecordingEventSink events = new RecordingEventSink();

  private CanaryDriver.Builder builder(StepFunction machine) {
    return CanaryDriver.builder().workloads(workloads).router(router).metrics(metrics)
        .webhooks(new InMemoryWebhookClient()).statuses(statuses).events(events).clock(clock)
        .entropy(() -> LETTERS).machines(c -> machine);
  }

  @Test
  void runsTheConversationAndWritesTheStatus() {
    router.reconcile(C);
    var machine = new ScriptedMachine(10);
    TickReport r = builder(machine).build().tick(C);

    var expectedOutcomes = List.of(new Outcome.Revision("v1", Map.of()), new Outcome.Routes(100, 0, false),
        new Outcome.MetricValue(99.5));
    assertThat(r.outcomes()).isEqualTo(expectedOutcomes);
    assertThat(r.executions()).extracting(TickReport.Execution::command).containsExactly(new Command.ObserveTarget(),
        new Command.ReadRoutes(), new Command.QueryMetric(ContractFixtures.SUCCESS_RATE));
    assertThat(r.steps()).hasSize(3);
    assertThat(r.steps()).extracting(s -> s.input().outcomes().size()).containsExactly(0, 2, 3);
    assertThat(machine.given).containsOnly(CanaryStatus.initial()).hasSize(3);
    assertThat(r.finalStatus().canaryWeight()).isEqualTo(10);
    assertThat(r.persistence()).isEqualTo(TickReport.Persistence.WRITTEN);
    assertThat(r.written()).isTrue();
    assertThat(statuses.status(C).canaryWeight()).isEqualTo(10);
    assertThat(r.problems()).isEmpty();
    assertThat(r.canaryId()).isEqualTo("podinfo.test");
    TickReport.verify(machine, r);
  }

  @Test
  void publishesEventsAndAlertsAsTheyAppear() {
    router.reconcile(C);
    var callsAtEvent = new ArrayList<Integer>();
    EventSink sink = new EventSink() {
      @Override
      public void event(Canary canary, dev.canarykit.core.model.CanaryStatus status, CanaryEvent event) {
        callsAtEvent.add(workloads.calls().size() + metrics.queries().size());
      }

      @Override
      public void alert(Canary canary, dev.canarykit.core.analysis.Alert alert) {
        callsAtEvent.add(-(workloads.calls().size() + metrics.queries().size()));
      }
    };
    TickReport r = builder(new ScriptedMachine(10)).events(sink).build().tick(C);
    assertThat(callsAtEvent).containsExactly(0, -1, 2);
    assertThat(r.events()).extracting(CanaryEvent::message)
        .containsExactly("observing at 2024-01-01T00:00:00Z", "outcomes " + r.outcomes());
    assertThat(r.alerts()).containsExactly(ScriptedMachine.ALERT);
  }

  @Test
  void anUnchangedStatusIsNotWritten() {
    TickReport r = builder(new ScriptedMachine(0)).build().tick(C);
    assertThat(r.persistence()).isEqualTo(TickReport.Persistence.UNCHANGED);
    assertThat(statuses.history(C)).isEmpty();
  }

  @Test
  void aConflictWritesNothingAndIsReported() {
    statuses.conflictNext(1);
    TickReport r = builder(new ScriptedMachine(10)).build().tick(C);
    assertThat(r.persistence()).isEqualTo(TickReport.Persistence.CONFLICT);
    assertThat(r.written()).isFalse();
    assertThat(r.problems()).singleElement().asString().contains("changed during the tick");
    assertThat(statuses.status(C)).isEqualTo(CanaryStatus.initial());
  }

  @Test
  void everyEventReachesTheSinkWithTheStartStatusThroughAPlainWrapper() {
    var seen = new ArrayList<dev.canarykit.core.model.CanaryStatus>();
    EventSink receiver = (canary, status, event) -> seen.add(status);
    EventSink wrapper = new EventSink() { // a user's wrapper: it only passes events on
      @Override
      public void event(Canary canary, dev.canarykit.core.model.CanaryStatus status, CanaryEvent event) {
        receiver.event(canary, status, event);
      }
    };
    TickReport r = builder(new ScriptedMachine(10)).events(wrapper).build().tick(C);
    assertThat(r.events()).hasSize(2);
    assertThat(seen).hasSize(2).containsOnly(r.startStatus()).doesNotContainNull();
  }

  @Test
  void aStatusWrittenByOthersDuringTheTickIsKept() {
    var machine = new ScriptedMachine(10);
    EventSink meddler = (canary, status, event) -> statuses.touch(canary);
    TickReport r = builder(machine).events(meddler).build().tick(C);
    assertThat(r.persistence()).isEqualTo(TickReport.Persistence.CONFLICT);
    assertThat(statuses.history(C)).isEmpty();
  }

  @Test
  void aReadFailureRunsNothing() {
    statuses.failNext(1, "etcd down");
    var machine = new ScriptedMachine(10);
    TickReport r = builder(machine).build().tick(C);
    assertThat(r.persistence()).isEqualTo(TickReport.Persistence.READ_FAILED);
    assertThat(r.problems()).containsExactly("reading the status failed: etcd down");
    assertThat(r.startStatus()).isNull();
    assertThat(r.steps()).isEmpty();
    assertThat(machine.given).isEmpty();
    assertThat(workloads.calls()).isEmpty();
    TickReport.verify(machine, r);
  }

  @Test
  void aWriteFailureIsReported() {
    var machine = new ScriptedMachine(10);
    CanaryDriver d = builder(machine).statuses(Ports.throwingOnWrite(statuses, "quota exceeded")).build();
    TickReport r = d.tick(C);
    assertThat(r.persistence()).isEqualTo(TickReport.Persistence.WRITE_FAILED);
    assertThat(r.problems()).containsExactly("writing the status failed: quota exceeded");
  }

  @Test
  void portExceptionsReachTheMachineAsFailures() {
    var machine = new ScriptedMachine(10);
    TickReport r = builder(machine).workloads(Ports.throwing(WorkloadStore.class, "api down")).build().tick(C);
    assertThat(r.outcomes()).containsExactly(new Outcome.Failed("api down"),
        new Outcome.Failed("VirtualService podinfo.test not found"), new Outcome.MetricValue(99.5));
    TickReport.verify(machine, r);
  }

  @Test
  void aThrowingSinkDoesNotStopTheTick() {
    EventSink broken = Ports.throwing(EventSink.class, "sink down");
    TickReport r = builder(new ScriptedMachine(10)).events(broken).build().tick(C);
    assertThat(r.persistence()).isEqualTo(TickReport.Persistence.WRITTEN);
    assertThat(r.events()).hasSize(2);
    assertThat(r.problems()).hasSize(3).allMatch(p -> p.contains("sink down"));
  }

  @Test
  void theClockAndEntropyAreInputs() {
    clock.advance(java.time.Duration.ofMinutes(5));
    var machine = new ScriptedMachine(10);
    TickReport r = builder(machine).build().tick(C);
    assertThat(r.now()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(300));
    assertThat(r.entropy()).isEqualTo(LETTERS);
    assertThat(machine.entropies).containsOnly(LETTERS);
  }

  @Test
  void aMachineExceptionLeavesTheTickUnwrittenAndReachesTheCaller() {
    StepFunction broken = in -> {
      throw new IllegalArgumentException("no answer for ReadRoutes[]");
    };
    assertThatThrownBy(() -> builder(broken).build().tick(C)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no answer for ReadRoutes[]");
    assertThat(statuses.history(C)).isEmpty();
  }

  @Test
  void theBuilderNamesEveryMissingPort() {
    assertThatThrownBy(() -> CanaryDriver.builder().router(router).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("missing ports: [workloads, metrics, webhooks, statuses]");
  }

  @Test
  void defaultEntropyIsFreshLetters() {
    String a = Entropy.secure().get();
    assertThat(a).hasSize(Entropy.LENGTH).matches("[a-zA-Z]+").isNotEqualTo(Entropy.secure().get());
    assertThat(Entropy.seeded(7).get()).isEqualTo(Entropy.seeded(7).get());
  }
}
