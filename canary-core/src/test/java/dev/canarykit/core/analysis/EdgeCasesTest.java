package dev.canarykit.core.analysis;

import static dev.canarykit.core.analysis.Expect.started;
import static dev.canarykit.core.analysis.Expect.state;
import static dev.canarykit.core.model.Phase.FAILED;
import static dev.canarykit.core.model.Phase.INITIALIZED;
import static dev.canarykit.core.model.Phase.PROGRESSING;
import static dev.canarykit.core.model.Phase.PROMOTING;
import static dev.canarykit.core.model.Phase.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome.Readiness;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.SessionAffinity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Readiness, suspension, providers, weights, cookies, adoption and the hazards decided in docs/decisions.md. */
class EdgeCasesTest {

  @Test
  void suspendedCanaryDoesNothing() {
    World w = started(new World(Fixtures.seed()));
    w.tick();
    CanaryStatus before = w.status;
    w.machine = CanaryAnalysis.of(Fixtures.with(Fixtures.seedSpec().toBuilder().suspend(true).build()));
    w.commands.clear();
    assertThat(w.tick()).containsExactly("Normal   skipping canary run as object is suspended");
    assertThat(w.commands).isEmpty();
    assertThat(w.status).isEqualTo(before);
  }

  @Test
  void canaryNotReadyWaitsWithoutCounting() {
    World w = started(new World(Fixtures.seed()));
    w.canaryReadiness = Readiness.waiting(
        "canary deployment podinfo.test not ready: waiting for rollout to finish: 0 of 2 (readyThreshold 100%)"
            + " updated replicas are available");
    assertThat(w.tick()).containsExactly("Warning  canary deployment podinfo.test not ready: waiting for rollout to"
        + " finish: 0 of 2 (readyThreshold 100%) updated replicas are available");
    state(w, PROGRESSING, 100, 0, 0, 0);
  }

  @Test
  void canaryPastItsDeadlineRollsBackAtOnce() {
    World w = started(new World(Fixtures.seed()));
    w.tick();
    w.canaryReadiness = Readiness.failed("deployment \"podinfo\" exceeded its progress deadline");
    assertThat(w.tick()).containsExactly("Warning  deployment \"podinfo\" exceeded its progress deadline",
        "Warning  Canary failed! Scaling down podinfo.test");
    state(w, FAILED, 100, 0, 0, 0);
  }

  @Test
  void primaryPastItsDeadlineDuringInitRollsBack() {
    World w = new World(Fixtures.seed());
    w.primaryReadiness = Readiness.failed("deployment \"podinfo-primary\" exceeded its progress deadline");
    w.tick();
    state(w, FAILED, 100, 0, 0, 0);
  }

  @Test
  void routerFailureDuringRollbackFreezesEverythingUntilItSucceeds() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().threshold(1).build())));
    w.tick();
    w.metric("request-success-rate", 1);
    w.tick();
    state(w, PROGRESSING, 90, 10, 1, 0);
    w.routerFailures = 2;
    w.commands.clear();
    assertThat(w.tick()).containsExactly("Warning  Rolling back podinfo.test failed checks threshold reached 1",
        "Warning  VirtualService podinfo.test update failed: conflict");
    state(w, PROGRESSING, 90, 10, 1, 0);
    assertThat(w.commandNames()).doesNotContain("ScaleToZero");
    w.tick();
    state(w, PROGRESSING, 90, 10, 1, 0);
    w.tick();
    state(w, FAILED, 100, 0, 0, 0);
  }

  @Test
  void weightsOvershootMaxWeight() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().stepWeight(20).maxWeight(50).build())));
    w.tick();
    assertThat(w.canaryWeight()).isEqualTo(20);
    w.tick();
    assertThat(w.canaryWeight()).isEqualTo(40);
    w.tick();
    assertThat(w.canaryWeight()).isEqualTo(60);
    w.tick();
    assertThat(w.status.phase()).isEqualTo(PROMOTING);
  }

  @Test
  void stepWeightsWalkTheList() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().stepWeight(null).maxWeight(null)
        .stepWeights(List.of(1, 5, 25, 80)).build())));
    w.tick();
    assertThat(w.canaryWeight()).isEqualTo(1);
    w.tick();
    assertThat(w.canaryWeight()).isEqualTo(5);
    w.tick();
    assertThat(w.canaryWeight()).isEqualTo(25);
    w.tick();
    assertThat(w.canaryWeight()).isEqualTo(80);
    w.tick();
    assertThat(w.status.phase()).isEqualTo(PROMOTING);
    assertThat(w.alerts.get(0).fields()).containsEntry("Traffic routing", "Weight steps: 1,5,25,80 max: 0");
  }

  @Test
  void weightsComeFromTheRouterNotFromStatus() {
    World w = started(new World(Fixtures.seed()));
    w.tick();
    w.tick();
    state(w, PROGRESSING, 80, 20, 0, 0);
    w.status = w.status.toBuilder().canaryWeight(0).build();
    w.tick();
    state(w, PROGRESSING, 70, 30, 0, 0);
  }

  @Test
  void kubernetesProviderForcesBlueGreen() {
    var spec = Fixtures.seedSpec().toBuilder().provider("kubernetes").build();
    World w = started(new World(Fixtures.with(spec)));
    assertThat(w.tick()).containsExactly("Normal   Starting canary analysis for podinfo.test",
        "Normal   Pre-rollout check acceptance-test passed",
        "Warning  Progressive traffic is not supported when using the kubernetes provider",
        "Warning  Setting canaryAnalysis.iterations: 10", "Normal   Advance podinfo.test canary iteration 1/10");
    for (int i = 0; i < 9; i++) {
      w.tick();
    }
    assertThat(w.status.iterations()).isEqualTo(10);
    w.tick();
    assertThat(w.status.iterations()).as("no mesh switch for kubernetes").isEqualTo(11);
    w.tick();
    assertThat(w.status.phase()).isEqualTo(PROMOTING);
    assertThat(w.commandNames()).filteredOn(n -> n.equals("SetRoutes")).isEmpty();
  }

  @Test
  void sessionAffinityCookiesAreMadeOncePerRunAndRetired() {
    var affinity = new SessionAffinity("canary-session", "primary-session", null, null, false, false, null, null,
        false);
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().sessionAffinity(affinity).build())));
    w.tick();
    assertThat(w.status.sessionAffinityCookie()).isEqualTo("canary-session=abcdefghij");
    assertThat(w.status.primarySessionAffinityCookie()).isEqualTo("primary-session=KLMNOPQRST");
    w.tick();
    assertThat(w.status.sessionAffinityCookie()).isEqualTo("canary-session=abcdefghij");
    Command.SetRoutes last = (Command.SetRoutes) w.commands.stream().filter(c -> c instanceof Command.SetRoutes)
        .reduce((a, b) -> b).orElseThrow();
    assertThat(last.cookies().canary()).isEqualTo("canary-session=abcdefghij");
    for (int i = 0; i < 10 && w.status.phase() != SUCCEEDED; i++) {
      w.tick();
    }
    assertThat(w.status.sessionAffinityCookie()).isEmpty();
    assertThat(w.status.previousSessionAffinityCookie()).isEqualTo("canary-session=abcdefghij");
  }

  @Test
  void aStatusWrittenByFlaggerIsAdoptedWithoutARun() {
    World w = new World(Fixtures.seed());
    w.targetHash = "0123456789abcdef";
    w.status = CanaryStatus.initial().toBuilder().phase(Phase.SUCCEEDED).lastAppliedSpec("5d8f9c7b6")
        .lastPromotedSpec("5d8f9c7b6").build();
    assertThat(w.tick()).isEmpty();
    assertThat(w.status.phase()).isEqualTo(SUCCEEDED);
    assertThat(w.status.lastAppliedSpec()).isEqualTo("0123456789abcdef");
    assertThat(w.status.lastPromotedSpec()).isEqualTo("0123456789abcdef");
    w.targetHash = "fedcba9876543210";
    assertThat(w.tick()).containsExactly("Normal   New revision detected! Scaling up podinfo.test");
  }

  @Test
  void aChangeSeenWhileFailedIsNotLostWhenTheTickStopsEarly() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().threshold(1).build())));
    w.tick();
    w.metric("request-success-rate", 1);
    w.ticks(2);
    assertThat(w.status.phase()).isEqualTo(FAILED);
    w.metric("request-success-rate", 100);
    w.targetHash = "rev3";
    w.primaryReadiness = Readiness.waiting("podinfo-primary.test not ready: waiting for rollout to finish");
    w.tick();
    assertThat(w.status.phase()).isEqualTo(FAILED);
    w.primaryReadiness = Readiness.READY;
    assertThat(w.tick()).containsExactly("Normal   New revision detected! Scaling up podinfo.test");
    assertThat(w.status.phase()).isEqualTo(PROGRESSING);
  }

  @Test
  void revertingTheTargetToThePromotedSpecIsNotAChange() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().threshold(1).build())));
    w.tick();
    w.metric("request-success-rate", 1);
    w.ticks(2);
    assertThat(w.status.phase()).isEqualTo(FAILED);
    w.targetHash = "rev1";
    assertThat(w.tick()).isEmpty();
    assertThat(w.status.phase()).isEqualTo(FAILED);
  }

  @Test
  void steppedPromotionWithNoCanaryTrafficFinishes() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().stepWeight(100).maxWeight(null)
        .stepWeightPromotion(30).build())));
    w.ticks(2);
    assertThat(w.status.phase()).isEqualTo(PROMOTING);
    w.routes = new Outcome.Routes(100, 0, false);
    w.tick();
    assertThat(w.status.phase()).isEqualTo(Phase.FINALISING);
  }

  @Test
  void routesMissingIsAWarningNotACrash() {
    World w = new World(Fixtures.seed());
    w.tick();
    w.readRoutesError = "VirtualService podinfo.test not found";
    w.targetHash = "rev2";
    assertThat(w.tick()).containsExactly("Warning  VirtualService podinfo.test not found");
    assertThat(w.status.phase()).isEqualTo(INITIALIZED);
  }
}
