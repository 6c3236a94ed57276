package dev.canarykit.core.analysis;

import static dev.canarykit.core.analysis.Expect.started;
import static dev.canarykit.core.analysis.Expect.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** canarykit's optional gate timeout (Flagger #1450): off by default, a rollback with its own text when it expires. */
class GateTimeoutTest {
  private static final Outcome DENY = new Outcome.Failed("Forbidden");

  private static World gated(WebhookType type, Duration timeout) {
    List<WebhookSpec> hooks = new ArrayList<>(Fixtures.seedAnalysis().build().webhooks());
    hooks.add(WebhookSpec.of("gate", type, "http://lt/gate/check"));
    var spec = Fixtures.seedSpec().withAnalysis(Fixtures.seedAnalysis().webhooks(hooks).build()).toBuilder()
        .gateTimeout(timeout).build();
    World w = new World(Fixtures.with(spec));
    w.hook("gate", DENY);
    return w;
  }

  @Test
  void aConfirmRolloutGateThatNeverApprovesRollsBackAfterTheTimeout() {
    World w = gated(WebhookType.CONFIRM_ROLLOUT, Duration.ofMinutes(3));
    w.tick();
    w.targetHash = "rev2";
    w.tick();
    assertThat(w.status.phase()).isEqualTo(Phase.WAITING);
    w.ticks(2);
    assertThat(w.status.phase()).as("2 minutes of waiting").isEqualTo(Phase.WAITING);
    assertThat(w.tick()).containsExactly("Warning  Rolling back podinfo.test gate gate did not approve within 3m0s",
        "Warning  Canary failed! Scaling down podinfo.test");
    state(w, Phase.FAILED, 100, 0, 0, 0);
    assertThat(w.status.lastAppliedSpec()).as("the refused revision does not start again").isEqualTo("rev2");
  }

  @Test
  void aConfirmPromotionGateThatNeverApprovesRollsBackAfterTheTimeout() {
    World w = started(gated(WebhookType.CONFIRM_PROMOTION, Duration.ofMinutes(5)));
    w.ticks(6);
    assertThat(w.status.phase()).isEqualTo(Phase.WAITING_PROMOTION);
    w.ticks(4);
    assertThat(w.status.phase()).isEqualTo(Phase.WAITING_PROMOTION);
    assertThat(w.tick()).containsExactly("Warning  Rolling back podinfo.test gate gate did not approve within 5m0s",
        "Warning  Canary failed! Scaling down podinfo.test");
    state(w, Phase.FAILED, 100, 0, 0, 0);
  }

  @Test
  void withoutATimeoutGatesWaitForever() {
    World w = gated(WebhookType.CONFIRM_ROLLOUT, null);
    w.tick();
    w.targetHash = "rev2";
    w.ticks(100);
    assertThat(w.status.phase()).isEqualTo(Phase.WAITING);
  }
}
