package dev.canarykit.core.analysis;

import static dev.canarykit.core.analysis.Expect.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Promoted condition (docs/flagger-compatibility.md §1.2, §2) and lastTransitionTime. */
class StatusConditionTest {

  @Test
  void conditionFollowsThePhaseAndKeepsItsTransitionTimeWhileTheStatusIsUnchanged() {
    List<WebhookSpec> hooks = new ArrayList<>(Fixtures.seedAnalysis().build().webhooks());
    hooks.add(WebhookSpec.of("promote", WebhookType.CONFIRM_PROMOTION, "http://lt/gate"));
    World w = new World(Fixtures.with(Fixtures.seedAnalysis().webhooks(hooks).build()));
    w.hook("promote", new Outcome.Failed("Forbidden"));
    w.tick();
    CanaryCondition initialized = w.status.promotedCondition();
    assertThat(initialized.status()).isEqualTo("True");
    w.targetHash = "rev2";
    Instant progressingAt = w.now;
    w.tick();
    CanaryCondition progressing = w.status.promotedCondition();
    assertThat(progressing.status()).isEqualTo("Unknown");
    assertThat(progressing.reason()).isEqualTo("Progressing");
    assertThat(progressing.message()).isEqualTo("New revision detected, progressing canary analysis.");
    assertThat(progressing.lastTransitionTime()).isEqualTo(progressingAt);
    w.ticks(6);
    CanaryCondition waiting = w.status.promotedCondition();
    assertThat(w.status.phase()).isEqualTo(Phase.WAITING_PROMOTION);
    assertThat(waiting.reason()).isEqualTo("WaitingPromotion");
    assertThat(waiting.message()).isEqualTo("Waiting for approval.");
    assertThat(waiting.lastUpdateTime()).isAfter(progressingAt);
    assertThat(waiting.lastTransitionTime()).as("status stayed Unknown").isEqualTo(progressingAt);
  }

  @Test
  void everyStatusWriteStampsLastTransitionTimeAndAnIdleTickWritesNothing() {
    World w = started(new World(Fixtures.seed()));
    Instant before = w.now;
    w.tick();
    assertThat(w.status.lastTransitionTime()).isEqualTo(before);
    World idle = new World(Fixtures.seed());
    idle.tick();
    Instant stamped = idle.status.lastTransitionTime();
    idle.tick();
    assertThat(idle.status.lastTransitionTime()).isEqualTo(stamped);
  }

  @Test
  void failedAndSucceededConditions() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().threshold(1).build())));
    w.tick();
    w.metric("request-success-rate", 1);
    w.ticks(2);
    CanaryCondition failed = w.status.promotedCondition();
    assertThat(failed.status()).isEqualTo("False");
    assertThat(failed.message()).isEqualTo("Canary analysis failed, Deployment scaled to zero.");
  }
}
