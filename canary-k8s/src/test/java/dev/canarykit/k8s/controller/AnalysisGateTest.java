package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.testing.SeedRelease;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limit on concurrent analyses on its own: slots, the queue in order of arrival, settling, take-over. */
class AnalysisGateTest {
  private final AnalysisGate gate = new AnalysisGate(2, ControllerListener.NOOP);

  @Test
  void admitsUpToTheLimitThenQueuesInOrderOfArrival() {
    assertThat(gate.acquire(canary("a"))).isEqualTo(new Outcome.Admitted());
    assertThat(gate.acquire(canary("b"))).isEqualTo(new Outcome.Admitted());
    assertThat(gate.acquire(canary("c"))).isEqualTo(new Outcome.Queued(1, 2));
    assertThat(gate.acquire(canary("d"))).isEqualTo(new Outcome.Queued(2, 2));
    assertThat(gate.acquire(canary("c"))).as("asking again keeps the place").isEqualTo(new Outcome.Queued(1, 2));
    assertThat(gate.acquire(canary("a"))).as("a holder asking again").isEqualTo(new Outcome.Admitted());
  }

  @Test
  void aFreedSlotGoesToTheHeadOfTheQueueEvenIfALaterCanaryAsksFirst() {
    admitAndStart("a");
    admitAndStart("b");
    gate.acquire(canary("c"));
    gate.acquire(canary("d"));
    gate.settle("test/c", queued());
    gate.settle("test/d", queued());
    gate.settle("test/a", status(Phase.SUCCEEDED));
    assertThat(gate.acquire(canary("d"))).as("the slot is c's").isEqualTo(new Outcome.Queued(1, 2));
    gate.settle("test/c", queued());
    assertThat(gate.acquire(canary("d"))).as("c has not asked yet").isEqualTo(new Outcome.Queued(1, 2));
    assertThat(gate.acquire(canary("c"))).isEqualTo(new Outcome.Admitted());
    assertThat(gate.acquire(canary("d"))).isEqualTo(new Outcome.Queued(1, 2));
  }

  @Test
  void aSlotGivenToACanaryThatNoLongerWaitsPassesToTheNext() {
    admitAndStart("a");
    admitAndStart("b");
    gate.acquire(canary("c"));
    gate.acquire(canary("d"));
    gate.settle("test/a", status(Phase.SUCCEEDED));
    gate.settle("test/c", status(Phase.SUCCEEDED));
    assertThat(gate.acquire(canary("d"))).isEqualTo(new Outcome.Admitted());
  }

  @Test
  void aRunHoldsItsSlotUntilItEndsAndPromotionIsNeverAsked() {
    admitAndStart("a");
    admitAndStart("b");
    for (Phase p : List.of(Phase.WAITING_PROMOTION, Phase.PROMOTING, Phase.FINALISING)) {
      gate.settle("test/a", status(p));
      assertThat(gate.acquire(canary("c"))).as(p.wireName()).isEqualTo(new Outcome.Queued(1, 2));
    }
    gate.settle("test/a", status(Phase.FAILED));
    assertThat(gate.acquire(canary("c"))).isEqualTo(new Outcome.Admitted());
  }

  @Test
  void anAdmittedCanaryWhoseRunDidNotStartKeepsItsSlotForOneMoreTick() {
    gate.acquire(canary("a"));
    gate.settle("test/a", status(Phase.SUCCEEDED));
    assertThat(gate.sizes()[0]).isEqualTo(1);
    gate.settle("test/a", status(Phase.SUCCEEDED));
    assertThat(gate.sizes()[0]).isZero();
  }

  @Test
  void aCanaryThatNoLongerWaitsLeavesTheQueueAndAForgottenOneFreesItsSlot() {
    admitAndStart("a");
    admitAndStart("b");
    gate.acquire(canary("c"));
    gate.acquire(canary("d"));
    gate.settle("test/c", status(Phase.SUCCEEDED));
    assertThat(gate.queue()).containsExactly("test/d");
    gate.forget("test/a");
    assertThat(gate.acquire(canary("d"))).isEqualTo(new Outcome.Admitted());
  }

  @Test
  void aTakeOverRebuildsSlotsAndTheQueueInTheOrderTheCanariesJoinedIt() {
    Map<String, CanaryStatus> statuses = new LinkedHashMap<>();
    statuses.put("test/late", queuedSince("2026-01-01T00:00:09Z"));
    statuses.put("test/z-early", queuedSince("2026-01-01T00:00:01Z"));
    statuses.put("test/a-early", queuedSince("2026-01-01T00:00:01Z"));
    statuses.put("test/run1", status(Phase.PROGRESSING));
    statuses.put("test/run2", status(Phase.PROMOTING));
    statuses.put("test/run3", status(Phase.FINALISING));
    statuses.put("test/idle", status(Phase.SUCCEEDED));
    gate.takeOver(statuses);
    assertThat(gate.sizes()).containsExactly(3, 3);
    assertThat(gate.queue()).containsExactly("test/a-early", "test/z-early", "test/late");
    gate.settle("test/run1", status(Phase.SUCCEEDED));
    gate.settle("test/run2", status(Phase.SUCCEEDED));
    assertThat(gate.acquire(canary("late"))).as("a-early got the free slot").isEqualTo(new Outcome.Queued(2, 2));
    assertThat(gate.acquire(canary("a-early"))).isEqualTo(new Outcome.Admitted());
  }

  private void admitAndStart(String name) {
    assertThat(gate.acquire(canary(name))).isEqualTo(new Outcome.Admitted());
    gate.settle("test/" + name, status(Phase.PROGRESSING));
  }

  static Canary canary(String name) {
    return new Canary(name, "test", SeedRelease.spec());
  }

  static CanaryStatus status(Phase phase) {
    return CanaryStatus.initial().toBuilder().phase(phase).build();
  }

  private static CanaryStatus queued() {
    return queuedSince("2026-01-01T00:00:00Z");
  }

  static CanaryStatus queuedSince(String joined) {
    Instant at = Instant.parse(joined);
    return status(Phase.WAITING).toBuilder().conditions(List.of(new CanaryCondition(CanaryCondition.PROMOTED,
        "Unknown", CanaryCondition.QUEUED, "Canary is waiting for an analysis slot.", at, at))).build();
  }
}
