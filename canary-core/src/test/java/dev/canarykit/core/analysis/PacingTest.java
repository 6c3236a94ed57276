package dev.canarykit.core.analysis;

import static dev.canarykit.core.analysis.Expect.started;
import static dev.canarykit.core.analysis.Expect.state;
import static dev.canarykit.core.model.Phase.FAILED;
import static dev.canarykit.core.model.Phase.INITIALIZED;
import static dev.canarykit.core.model.Phase.PROGRESSING;
import static dev.canarykit.core.model.Phase.WAITING_PROMOTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome.Readiness;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pacing: an analysis step (starting a run, analysing, gating, advancing, promoting) happens at most once per
 * analysis interval, measured from the status' lastTransitionTime; readiness rollbacks, restarts for a new
 * revision and initialization happen on any tick.
 */
class PacingTest {
  private static final Duration INTERVAL = Duration.ofMinutes(1);

  @Test
  void sixTicksAtTheSameInstantAdvanceOnce() {
    World w = started(new World(Fixtures.seed()));
    Instant first = w.now;
    assertThat(w.tickNow()).contains("Normal   Advance podinfo.test canary weight 10");
    CanaryStatus afterStep = w.status;
    int commands = w.commands.size();
    for (int i = 0; i < 5; i++) {
      assertThat(w.tickNow()).isEmpty();
      assertThat(w.actions()).as("no webhook, metric, route or scaling command").isEmpty();
      assertThat(w.last.pacedUntil()).isEqualTo(first.plus(INTERVAL));
    }
    assertThat(w.status).isEqualTo(afterStep);
    assertThat(w.commands.size() - commands).as("five paced ticks only observe").isPositive();
    state(w, PROGRESSING, 90, 10, 0, 0);
    w.now = first.plus(INTERVAL);
    assertThat(w.tickNow()).contains("Normal   Advance podinfo.test canary weight 20");
    assertThat(w.last.pacedUntil()).isNull();
  }

  @Test
  void aStartedRunWaitsAnIntervalBeforeItsFirstStep() {
    World w = new World(Fixtures.seed());
    w.tick();
    w.targetHash = "rev2";
    Instant start = w.now;
    w.tick();
    w.now = start.plusSeconds(59);
    w.tickNow();
    assertThat(w.hookCalls).as("no pre-rollout hook before the interval").isEmpty();
    assertThat(w.last.pacedUntil()).isEqualTo(start.plus(INTERVAL));
    w.now = start.plus(INTERVAL);
    assertThat(w.tickNow()).contains("Normal   Starting canary analysis for podinfo.test");
  }

  @Test
  void aNewRunIsAStepToo() {
    World w = new World(Fixtures.seed());
    Instant init = w.now;
    w.tickNow();
    assertThat(w.status.phase()).as("initialization is never paced").isEqualTo(INITIALIZED);
    w.targetHash = "rev2";
    w.now = init.plusSeconds(5);
    w.tickNow();
    assertThat(w.status.phase()).isEqualTo(INITIALIZED);
    assertThat(w.last.pacedUntil()).isEqualTo(init.plus(INTERVAL));
    w.now = init.plus(INTERVAL);
    w.tickNow();
    assertThat(w.status.phase()).isEqualTo(PROGRESSING);
  }

  @Test
  void aPacedTickRestartsForANewRevision() {
    World w = started(new World(Fixtures.seed()));
    w.tickNow();
    state(w, PROGRESSING, 90, 10, 0, 0);
    w.targetHash = "rev3";
    assertThat(w.tickNow()).contains("Normal   New revision detected! Restarting analysis for podinfo.test");
    state(w, PROGRESSING, 100, 0, 0, 0);
  }

  @Test
  void aPacedTickRollsBackACanaryPastItsDeadline() {
    World w = started(new World(Fixtures.seed()));
    w.tickNow();
    w.canaryReadiness = Readiness.failed("deployment \"podinfo\" exceeded its progress deadline");
    w.tickNow();
    state(w, FAILED, 100, 0, 0, 0);
  }

  @Test
  void aRefusingGateIsAskedOncePerIntervalAndEachAskIsRecorded() {
    List<WebhookSpec> hooks = new ArrayList<>(Fixtures.seedAnalysis().build().webhooks());
    hooks.add(WebhookSpec.of("gate", WebhookType.CONFIRM_PROMOTION, "http://flagger-loadtester.test/gate/check"));
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().webhooks(hooks).build())));
    w.hook("gate", new Outcome.Failed("Forbidden"));
    for (int i = 0; i < 20 && w.status.phase() != WAITING_PROMOTION; i++) {
      w.tick();
    }
    assertThat(w.status.phase()).isEqualTo(WAITING_PROMOTION);
    Instant waiting = w.status.lastTransitionTime();
    int asked = gateCalls(w);
    for (int s = 0; s < 180; s += 10) {
      w.now = waiting.plusSeconds(s);
      w.tickNow();
    }
    assertThat(gateCalls(w) - asked).as("asked at +60 s and +120 s").isEqualTo(2);
    assertThat(w.status.lastTransitionTime()).isEqualTo(waiting.plusSeconds(120));
  }

  @Test
  void aTimeWrittenBySomeoneWhoseClockIsAheadIsDue() {
    World w = started(new World(Fixtures.seed()));
    w.status = w.status.toBuilder().lastTransitionTime(w.now.plusSeconds(30)).build();
    assertThat(w.tickNow()).contains("Normal   Advance podinfo.test canary weight 10");
    assertThat(w.status.lastTransitionTime()).isEqualTo(w.now);
  }

  @Test
  void elapsedIsCountedFromTheWholeSecondTheStatusStores() {
    World w = started(new World(Fixtures.seed()));
    Instant stored = w.now.minus(INTERVAL).plusMillis(700);
    w.status = w.status.toBuilder().lastTransitionTime(stored).build();
    assertThat(w.tickNow()).as("due 0.7 s early: Kubernetes keeps whole seconds")
        .contains("Normal   Advance podinfo.test canary weight 10");
  }

  private static int gateCalls(World w) {
    return (int) w.hookCalls.stream().filter(c -> c.hook().name().equals("gate")).count();
  }
}
