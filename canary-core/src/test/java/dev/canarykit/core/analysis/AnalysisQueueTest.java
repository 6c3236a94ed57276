package dev.canarykit.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A canary with a new revision beyond the controller's limit on concurrent analyses: it waits in phase Waiting with
 * the reason AnalysisQueued and its place in the queue, starts once admitted, and nothing but the start of a run
 * asks for a slot.
 */
class AnalysisQueueTest {
  private static final String QUEUED_3 = "Normal   Halt podinfo.test advancement waiting for an analysis slot: "
      + "position 3 in the queue, at most 5 analyses at once";

  @Test
  void aQueuedCanaryWaitsWithItsPlaceAndStartsOnceAdmitted() {
    World w = new World(Fixtures.seed());
    w.tick();
    w.targetHash = "rev2";
    w.slot = new Outcome.Queued(3, 5);
    Instant joined = w.now;
    assertThat(w.tick()).containsExactly(QUEUED_3);
    assertThat(w.status.phase()).isEqualTo(Phase.WAITING);
    CanaryCondition c = w.status.promotedCondition();
    assertThat(c.reason()).isEqualTo(CanaryCondition.QUEUED);
    assertThat(c.status()).isEqualTo("Unknown");
    assertThat(c.message()).isEqualTo(
        "Canary is waiting for an analysis slot: position 3 in the queue, at most 5 analyses at once.");
    assertThat(c.lastTransitionTime()).isEqualTo(joined);
    assertThat(w.commands).noneMatch(x -> x instanceof Command.ScaleFromZero);

    assertThat(w.tick()).as("same place: no new event").isEmpty();
    assertThat(w.status.promotedCondition()).isEqualTo(c);

    w.slot = new Outcome.Queued(1, 5);
    Instant moved = w.now;
    assertThat(w.tick()).containsExactly("Normal   Halt podinfo.test advancement waiting for an analysis slot: "
        + "position 1 in the queue, at most 5 analyses at once");
    assertThat(w.status.promotedCondition().lastTransitionTime()).as("when it joined the queue").isEqualTo(joined);
    assertThat(w.status.promotedCondition().lastUpdateTime()).isEqualTo(moved);

    w.slot = new Outcome.Admitted();
    assertThat(w.tick()).containsExactly("Normal   New revision detected! Scaling up podinfo.test");
    assertThat(w.status.phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(w.status.lastAppliedSpec()).isEqualTo("rev2");
  }

  @Test
  void onlyTheStartOfARunAsksForASlot() {
    World w = new World(Fixtures.seed());
    w.tick();
    w.targetHash = "rev2";
    for (int i = 0; i < 20 && w.status.phase() != Phase.SUCCEEDED; i++) {
      w.tick();
    }
    assertThat(w.status.phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(w.commands).filteredOn(x -> x instanceof Command.AcquireAnalysisSlot).hasSize(1);

    w.targetHash = "rev3";
    w.tick();
    w.metric("request-success-rate", 50);
    for (int i = 0; i < 20 && w.status.phase() != Phase.FAILED; i++) {
      w.tick();
    }
    assertThat(w.status.phase()).as("a rollback is never held").isEqualTo(Phase.FAILED);
    assertThat(w.commands).filteredOn(x -> x instanceof Command.AcquireAnalysisSlot).hasSize(2);
  }

  @Test
  void aFailedRequestIsAWarningAndTheRunDoesNotStart() {
    World w = new World(Fixtures.seed());
    w.tick();
    w.targetHash = "rev2";
    w.slot = new Outcome.Failed("not done: this tick's controller stopped or lost its leadership");
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement, no analysis slot: not done: this "
        + "tick's controller stopped or lost its leadership");
    assertThat(w.status.phase()).isEqualTo(Phase.INITIALIZED);
  }

  @Test
  void aRefusedConfirmRolloutGateTakesTheConditionOverFromTheQueue() {
    World w = new World(Fixtures.with(Fixtures.seedAnalysis().webhooks(java.util.List.of(WebhookSpec.of("approve",
        WebhookType.CONFIRM_ROLLOUT, "http://lt/gate/approve"))).build()));
    w.tick();
    w.targetHash = "rev2";
    w.slot = new Outcome.Queued(2, 1);
    w.tick();
    assertThat(w.status.promotedCondition().reason()).isEqualTo(CanaryCondition.QUEUED);
    w.hook("approve", new Outcome.Failed("403"));
    w.tick();
    assertThat(w.status.phase()).isEqualTo(Phase.WAITING);
    assertThat(w.status.promotedCondition().reason()).isEqualTo("Waiting");
    assertThat(w.status.promotedCondition().message()).isEqualTo("Waiting for approval.");
  }
}
