package dev.canarykit.core.analysis;

import static dev.canarykit.core.analysis.Expect.started;
import static dev.canarykit.core.analysis.Expect.state;
import static dev.canarykit.core.analysis.Expect.statusWeight;
import static dev.canarykit.core.model.Phase.FAILED;
import static dev.canarykit.core.model.Phase.INITIALIZED;
import static dev.canarykit.core.model.Phase.PROGRESSING;
import static dev.canarykit.core.model.Phase.PROMOTING;
import static dev.canarykit.core.model.Phase.WAITING;
import static dev.canarykit.core.model.Phase.WAITING_PROMOTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manual gates and hook types (docs/flagger-compatibility.md §1.14). */
class GatesTest {
  private static final Outcome DENY = new Outcome.Failed("Forbidden");

  private static World withHook(WebhookType type, String name) {
    return withHooks(WebhookSpec.of(name, type, "http://flagger-loadtester.test/gate/check"));
  }

  private static World withHooks(WebhookSpec... extra) {
    List<WebhookSpec> hooks = new ArrayList<>(Fixtures.seedAnalysis().build().webhooks());
    hooks.addAll(List.of(extra));
    return new World(Fixtures.with(Fixtures.seedAnalysis().webhooks(hooks).build()));
  }

  @Test
  void confirmRolloutRefusalWaitsWithoutScalingOrCounting() {
    World w = withHook(WebhookType.CONFIRM_ROLLOUT, "gate");
    w.hook("gate", DENY, DENY, Outcome.OK);
    w.tick();
    w.canaryReplicas = 0;
    w.targetHash = "rev2";
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement waiting for approval gate");
    state(w, WAITING, 100, 0, 0, 0);
    assertThat(w.canaryReplicas).isZero();
    assertThat(w.status.promotedCondition().message()).isEqualTo("Waiting for approval.");
    assertThat(w.alerts).last().satisfies(a -> {
      assertThat(a.severity()).isEqualTo(Severity.WARN);
      assertThat(a.message()).isEqualTo("Canary is waiting for approval.");
    });
    assertThat(w.hookCalls).last().satisfies(c -> assertThat(c.phase()).isEqualTo(INITIALIZED));
    assertThat(w.tick()).as("a second refusal is silent").isEmpty();
    assertThat(w.hookCalls).last().satisfies(c -> assertThat(c.phase()).isEqualTo(WAITING));
    assertThat(w.tick()).containsExactly("Normal   Confirm-rollout check gate passed",
        "Normal   New revision detected! Scaling up podinfo.test");
    state(w, PROGRESSING, 100, 0, 0, 0);
    assertThat(w.canaryReplicas).isEqualTo(2);
  }

  @Test
  void rollbackHookAbortsAWaitingRelease() {
    World w = withHooks(WebhookSpec.of("gate", WebhookType.CONFIRM_ROLLOUT, "http://lt/gate/halt"),
        WebhookSpec.of("abort", WebhookType.ROLLBACK, "http://lt/rollback/check"));
    w.hook("gate", DENY);
    w.hook("abort", DENY, Outcome.OK);
    w.tick();
    w.targetHash = "rev2";
    w.tick();
    assertThat(w.status.phase()).isEqualTo(WAITING);
    assertThat(w.tick()).containsExactly("Normal   Rollback hook abort not signaling a rollback");
    assertThat(w.tick()).containsExactly("Warning  Rollback check abort passed",
        "Warning  Rolling back podinfo.test manual webhook invoked", "Warning  Canary failed! Scaling down podinfo.test");
    state(w, FAILED, 100, 0, 0, 0);
    assertThat(w.status.lastAppliedSpec()).isEqualTo("rev2");
  }

  @Test
  void confirmTrafficIncreaseOnlyHalts() {
    World w = withHook(WebhookType.CONFIRM_TRAFFIC_INCREASE, "more");
    w.hook("more", DENY, DENY, Outcome.OK);
    started(w);
    assertThat(w.tick()).containsSubsequence("Normal   Pre-rollout check acceptance-test passed",
        "Warning  Halt podinfo.test advancement waiting for traffic increase approval more");
    state(w, PROGRESSING, 100, 0, 0, 0);
    w.tick();
    state(w, PROGRESSING, 100, 0, 0, 0);
    assertThat(w.tick()).containsExactly("Normal   Starting canary analysis for podinfo.test",
        "Normal   Pre-rollout check acceptance-test passed", "Normal   Confirm-traffic-increase check more passed",
        "Normal   Advance podinfo.test canary weight 10");
    state(w, PROGRESSING, 90, 10, 0, 0);
    assertThat(w.alerts).filteredOn(a -> a.message().equals("Canary traffic increase is waiting for approval."))
        .hasSize(2);
  }

  @Test
  void confirmPromotionRefusalWaitsAndKeepsAnalysing() {
    World w = withHook(WebhookType.CONFIRM_PROMOTION, "promote");
    w.hook("promote", DENY, DENY, Outcome.OK);
    started(w);
    // Gate calls: refused (WaitingPromotion), skipped on the failing tick, refused silently, approved.
    w.ticks(5);
    state(w, PROGRESSING, 50, 50, 0, 0);
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement waiting for promotion approval promote");
    state(w, WAITING_PROMOTION, 50, 50, 0, 0);
    statusWeight(w, 0);
    w.metric("request-duration", 800);
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement request duration 800ms > 500ms");
    state(w, WAITING_PROMOTION, 50, 50, 1, 0);
    w.metric("request-duration", 100);
    assertThat(w.tick()).as("a later refusal is silent").isEmpty();
    state(w, WAITING_PROMOTION, 50, 50, 1, 0);
    assertThat(w.tick()).containsExactly("Normal   Confirm-promotion check promote passed",
        "Normal   Copying podinfo.test template spec to podinfo-primary.test");
    assertThat(w.status.phase()).isEqualTo(PROMOTING);
  }

  @Test
  void thresholdStillAppliesWhileWaitingForPromotion() {
    World w = withHook(WebhookType.CONFIRM_PROMOTION, "promote");
    w.hook("promote", DENY);
    started(w);
    w.ticks(6);
    assertThat(w.status.phase()).isEqualTo(WAITING_PROMOTION);
    w.metric("request-success-rate", 10);
    w.ticks(5);
    state(w, WAITING_PROMOTION, 50, 50, 5, 0);
    w.tick();
    state(w, FAILED, 100, 0, 0, 0);
  }

  @Test
  void rollbackHookDuringAnalysis() {
    World w = withHook(WebhookType.ROLLBACK, "abort");
    w.hook("abort", DENY, Outcome.OK);
    started(w);
    assertThat(w.tick()).startsWith("Normal   Rollback hook abort not signaling a rollback");
    assertThat(w.tick()).containsExactly("Warning  Rollback check abort passed",
        "Warning  Rolling back podinfo.test manual webhook invoked", "Warning  Canary failed! Scaling down podinfo.test");
    state(w, FAILED, 100, 0, 0, 0);
  }

  @Test
  void preRolloutFailureCountsAndRetries() {
    World w = new World(Fixtures.seed());
    w.hook("acceptance-test", new Outcome.Failed("exit status 1"), Outcome.OK);
    started(w);
    assertThat(w.tick()).containsExactly("Normal   Starting canary analysis for podinfo.test",
        "Warning  Halt podinfo.test advancement pre-rollout check acceptance-test failed exit status 1");
    state(w, PROGRESSING, 100, 0, 1, 0);
    w.tick();
    state(w, PROGRESSING, 90, 10, 1, 0);
  }

  @Test
  void rolloutHookFailureCountsOneCheck() {
    World w = new World(Fixtures.seed());
    started(w);
    w.tick();
    w.hook("load-test", new Outcome.Failed("connection refused"));
    assertThat(w.tick()).containsExactly(
        "Warning  Halt podinfo.test advancement external check load-test failed connection refused");
    state(w, PROGRESSING, 90, 10, 1, 0);
  }

  @Test
  void postRolloutHooksGetTheFinalPhase() {
    World w = withHook(WebhookType.POST_ROLLOUT, "notify");
    w.hook("notify", new Outcome.Failed("boom"));
    started(w);
    for (int i = 0; i < 10 && w.status.phase() != Phase.SUCCEEDED; i++) {
      w.tick();
    }
    assertThat(w.events).containsSubsequence("Warning  Post-rollout hook notify failed boom",
        "Normal   Promotion completed! Scaling down podinfo.test");
    assertThat(w.hookCalls).filteredOn(c -> c.hook().name().equals("notify")).singleElement()
        .satisfies(c -> assertThat(c.phase()).isEqualTo(Phase.SUCCEEDED));
  }

  @Test
  void mutedGateSendsNoAlert() {
    var gate = WebhookSpec.builder("gate", "http://lt/").type(WebhookType.CONFIRM_ROLLOUT).muteAlert(true).build();
    World w = withHooks(gate);
    w.hook("gate", DENY);
    w.tick();
    w.targetHash = "rev2";
    w.tick();
    assertThat(w.status.phase()).isEqualTo(WAITING);
    assertThat(w.alerts).noneMatch(a -> a.severity() == Severity.WARN);
  }
}
