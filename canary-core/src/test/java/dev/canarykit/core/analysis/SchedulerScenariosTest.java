package dev.canarykit.core.analysis;

import static dev.canarykit.core.analysis.Expect.actions;
import static dev.canarykit.core.analysis.Expect.started;
import static dev.canarykit.core.analysis.Expect.state;
import static dev.canarykit.core.analysis.Expect.statusWeight;
import static dev.canarykit.core.model.Phase.FAILED;
import static dev.canarykit.core.model.Phase.FINALISING;
import static dev.canarykit.core.model.Phase.INITIALIZED;
import static dev.canarykit.core.model.Phase.PROGRESSING;
import static dev.canarykit.core.model.Phase.PROMOTING;
import static dev.canarykit.core.model.Phase.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome.Readiness;
import dev.canarykit.core.model.CanaryStatus.CanaryCondition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenarios of Flagger's scheduler tests, tick by tick (docs/flagger-compatibility.md §8). */
class SchedulerScenariosTest {

  @Test
  void init() {
    World w = new World(Fixtures.seed());
    assertThat(w.tick()).containsExactly(
        "Normal   all the metrics providers are available!", "Normal   Initialization done! podinfo.test");
    state(w, INITIALIZED, 100, 0, 0, 0);
    actions(w, "ProbeMetricProviders", "ScaleToZero");
    assertThat(w.commandNames()).containsExactly("ObserveTarget", "ReconcileServices", "ProbeMetricProviders",
        "EnsurePrimary", "CheckReadiness", "ReconcileAutoscaler", "ReconcileApexService", "ScaleToZero",
        "ReconcileRouting");
    assertThat(w.canaryReplicas).isZero();
    assertThat(w.status.lastAppliedSpec()).isEqualTo("rev1");
    assertThat(w.status.lastPromotedSpec()).isEqualTo("rev1");
    CanaryCondition c = w.status.promotedCondition();
    assertThat(c.status()).isEqualTo("True");
    assertThat(c.reason()).isEqualTo("Initialized");
    assertThat(c.message()).isEqualTo("Deployment initialization completed.");
    assertThat(w.alerts).singleElement().satisfies(a -> {
      assertThat(a.message()).isEqualTo("New Deployment detected, initialization completed.");
      assertThat(a.fields()).containsEntry("Target", "Deployment/podinfo.test")
          .containsEntry("Traffic routing", "Weight step: 10 max: 50");
    });
  }

  @Test
  void idleTickChangesNothing() {
    World w = new World(Fixtures.seed());
    w.tick();
    var before = w.status;
    w.commands.clear();
    assertThat(w.tick()).isEmpty();
    assertThat(w.status).isEqualTo(before);
    assertThat(w.commandNames()).containsExactly("ObserveTarget", "ReconcileServices", "EnsurePrimary",
        "ReconcileAutoscaler", "ReconcileApexService", "ReconcileRouting");
  }

  @Test
  void initWaitsForThePrimaryWithoutCountingAnything() {
    World w = new World(Fixtures.seed());
    w.primaryReadiness = Readiness.waiting(
        "podinfo-primary.test not ready: waiting for rollout to finish: observed deployment generation less than"
            + " desired generation");
    assertThat(w.tick()).containsExactly("Normal   all the metrics providers are available!",
        "Warning  podinfo-primary.test not ready: waiting for rollout to finish: observed deployment generation"
            + " less than desired generation");
    assertThat(w.status.phase()).isEqualTo(dev.canarykit.core.model.Phase.INITIALIZING);
    assertThat(w.status.promotedCondition().message()).isEqualTo("New Deployment detected, starting initialization.");
    w.primaryReadiness = Readiness.READY;
    w.tick();
    state(w, INITIALIZED, 100, 0, 0, 0);
    actions(w, "ProbeMetricProviders", "ScaleToZero");
  }

  @Test
  void newRevision() {
    World w = new World(Fixtures.seed());
    w.tick();
    w.targetHash = "rev2";
    assertThat(w.tick()).containsExactly("Normal   New revision detected! Scaling up podinfo.test");
    state(w, PROGRESSING, 100, 0, 0, 0);
    actions(w, "AcquireAnalysisSlot", "ScaleFromZero");
    assertThat(w.canaryReplicas).isEqualTo(2);
    assertThat(w.status.lastAppliedSpec()).isEqualTo("rev2");
    assertThat(w.status.lastPromotedSpec()).isEqualTo("rev1");
    assertThat(w.alerts).last().satisfies(a ->
        assertThat(a.message()).isEqualTo("New revision detected, progressing canary analysis."));
  }

  @Test
  void rollbackAfterThresholdOfFailedChecks() {
    World w = started(new World(Fixtures.seed()));
    w.tick(); // pre-rollout, weight 10
    state(w, PROGRESSING, 90, 10, 0, 0);
    actions(w, "CallWebhook(acceptance-test)", "SetRoutes(90/10)");
    w.metric("request-success-rate", 50);
    for (int i = 1; i <= 5; i++) {
      assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement success rate 50.00% < 99%");
      state(w, PROGRESSING, 90, 10, i, 0);
      actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)");
    }
    assertThat(w.tick()).containsExactly("Warning  Rolling back podinfo.test failed checks threshold reached 5",
        "Warning  Canary failed! Scaling down podinfo.test");
    state(w, FAILED, 100, 0, 0, 0);
    actions(w, "SetRoutes(100/0)", "ScaleToZero");
    assertThat(w.canaryReplicas).isZero();
    assertThat(w.primaryHash).isEqualTo("rev1");
    assertThat(w.status.lastAppliedSpec()).isEqualTo("rev2");
    assertThat(w.status.promotedCondition().status()).isEqualTo("False");
    assertThat(w.alerts).last().satisfies(a -> assertThat(a.message()).isEqualTo("Failed checks threshold reached 5"));
    assertThat(w.tick()).as("the same spec does not start again").isEmpty();
    assertThat(w.status.phase()).isEqualTo(FAILED);
  }

  @Test
  void failedChecksAreCumulativeNotConsecutive() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().threshold(2).maxWeight(100).build())));
    w.tick();
    w.metric("request-success-rate", 50);
    w.tick();
    state(w, PROGRESSING, 90, 10, 1, 0);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)");
    w.metric("request-success-rate", 100);
    w.tick();
    state(w, PROGRESSING, 80, 20, 1, 0);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)",
        "SetRoutes(80/20)");
    w.metric("request-success-rate", 50);
    w.tick();
    state(w, PROGRESSING, 80, 20, 2, 0);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)");
    w.tick();
    state(w, FAILED, 100, 0, 0, 0);
    actions(w, "SetRoutes(100/0)", "ScaleToZero");
  }

  @Test
  void skipAnalysis() {
    var spec = Fixtures.seedSpec().toBuilder().skipAnalysis(true).build();
    World w = new World(Fixtures.with(spec));
    w.primaryReadiness = Readiness.waiting("not ready");
    assertThat(w.tick()).as("no probe, no primary wait").containsExactly("Normal   Initialization done! podinfo.test");
    w.targetHash = "rev2";
    w.tick();
    state(w, PROGRESSING, 100, 0, 0, 0);
    actions(w, "ScaleFromZero");
    assertThat(w.tick()).containsExactly("Normal   Copying podinfo.test template spec to podinfo-primary.test",
        "Normal   Promotion completed! Canary analysis was skipped for podinfo.test");
    state(w, SUCCEEDED, 100, 0, 0, 0);
    actions(w, "SetRoutes(100/0)", "Promote", "ReconcileAutoscaler", "ScaleToZero");
    assertThat(w.primaryHash).isEqualTo("rev2");
    assertThat(w.canaryReplicas).isZero();
    assertThat(w.status.lastPromotedSpec()).isEqualTo("rev2");
  }

  @Test
  void analysisPhasesWithStepWeightPromotion() {
    World w = started(new World(Fixtures.with(
        Fixtures.seedAnalysis().stepWeight(100).maxWeight(null).stepWeightPromotion(50).build())));
    w.tick();
    state(w, PROGRESSING, 0, 100, 0, 0);
    actions(w, "CallWebhook(acceptance-test)", "SetRoutes(0/100)");
    statusWeight(w, 100);
    w.tick();
    state(w, PROMOTING, 0, 100, 0, 0);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)",
        "Promote");
    statusWeight(w, 100);
    assertThat(w.tick()).containsExactly("Normal   Advance podinfo.test primary weight 50");
    state(w, PROMOTING, 50, 50, 0, 0);
    actions(w, "ReconcileAutoscaler", "SetRoutes(50/50)");
    statusWeight(w, 50);
    w.tick();
    state(w, FINALISING, 100, 0, 0, 0);
    actions(w, "ReconcileAutoscaler", "SetRoutes(100/0)");
    statusWeight(w, 0);
    w.tick();
    state(w, SUCCEEDED, 100, 0, 0, 0);
    actions(w, "ScaleToZero");
  }

  @Test
  void blueGreen() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().iterations(1).build())));
    assertThat(w.tick()).containsExactly("Normal   Starting canary analysis for podinfo.test",
        "Normal   Pre-rollout check acceptance-test passed", "Normal   Advance podinfo.test canary iteration 1/1");
    state(w, PROGRESSING, 100, 0, 0, 1);
    actions(w, "CallWebhook(acceptance-test)");
    assertThat(w.tick()).containsExactly("Normal   Routing all traffic to canary");
    state(w, PROGRESSING, 0, 100, 0, 2);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)",
        "SetRoutes(0/100)");
    promotesFromFullCanaryTraffic(w, 2);
    assertThat(w.alerts.get(0).fields()).containsEntry("Traffic routing", "Blue/Green");
  }

  @Test
  void blueGreenWithMirroring() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().iterations(2).mirror(true).mirrorWeight(50)
        .build())));
    w.tick();
    state(w, PROGRESSING, 100, 0, 0, 1);
    actions(w, "CallWebhook(acceptance-test)", "SetRoutes(100/0 mirrored)");
    assertThat(w.routes.mirrored()).isTrue();
    w.tick();
    state(w, PROGRESSING, 100, 0, 0, 2);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)");
    assertThat(w.routes.mirrored()).isTrue();
    assertThat(w.tick()).containsExactly("Normal   Stop traffic mirroring and route all traffic to canary");
    state(w, PROGRESSING, 0, 100, 0, 3);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)",
        "SetRoutes(0/100)");
    assertThat(w.routes.mirrored()).isFalse();
    promotesFromFullCanaryTraffic(w, 3);
  }

  /**
   * The end of a release whose canary took all the traffic in its last analysed iteration ({@code iterations}):
   * the next tick promotes, then all traffic goes back to the primary, then the canary is scaled down.
   */
  private static void promotesFromFullCanaryTraffic(World w, int iterations) {
    assertThat(w.tick()).containsExactly("Normal   Copying podinfo.test template spec to podinfo-primary.test");
    state(w, PROMOTING, 0, 100, 0, iterations);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)",
        "Promote");
    assertThat(w.tick()).containsExactly("Normal   Routing all traffic to primary");
    state(w, FINALISING, 100, 0, 0, 0);
    actions(w, "ReconcileAutoscaler", "SetRoutes(100/0)");
    assertThat(w.tick()).containsExactly("Normal   Promotion completed! Scaling down podinfo.test");
    state(w, SUCCEEDED, 100, 0, 0, 0);
    actions(w, "ScaleToZero");
  }

  @Test
  void abTesting() {
    var match = List.<Map<String, Object>>of(Map.of("headers", Map.of("x-canary", Map.of("exact", "insider"))));
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().iterations(2).match(match).build())));
    w.tick();
    state(w, PROGRESSING, 0, 100, 0, 1);
    actions(w, "CallWebhook(acceptance-test)", "SetRoutes(0/100)");
    assertThat(w.events).last().isEqualTo("Normal   Advance podinfo.test canary iteration 1/2");
    assertThat(w.tick()).containsExactly("Normal   Advance podinfo.test canary iteration 2/2");
    state(w, PROGRESSING, 0, 100, 0, 2);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)",
        "SetRoutes(0/100)");
    promotesFromFullCanaryTraffic(w, 2);
    assertThat(w.alerts.get(0).fields()).containsEntry("Traffic routing", "A/B Testing");
  }

  @Test
  void mirroringTakesOneMirroredStepFirst() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().mirror(true).build())));
    assertThat(w.tick()).containsExactly("Normal   Starting canary analysis for podinfo.test",
        "Normal   Pre-rollout check acceptance-test passed", "Normal   Advance podinfo.test canary weight 0");
    state(w, PROGRESSING, 100, 0, 0, 0);
    actions(w, "CallWebhook(acceptance-test)", "SetRoutes(100/0 mirrored)");
    assertThat(w.routes.mirrored()).isTrue();
    int hooksBefore = w.hookCalls.size();
    assertThat(w.tick()).containsExactly("Normal   Advance podinfo.test canary weight 10");
    assertThat(w.hookCalls.subList(hooksBefore, w.hookCalls.size()))
        .extracting(h -> h.hook().name()).as("analysis, not pre-rollout").containsExactly("load-test");
    state(w, PROGRESSING, 90, 10, 0, 0);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)",
        "SetRoutes(90/10)");
    assertThat(w.routes.mirrored()).isFalse();
  }

  @Test
  void newRevisionDuringAnalysisRestarts() {
    World w = started(new World(Fixtures.seed()));
    w.tick();
    w.metric("request-success-rate", 50);
    w.tick();
    w.metric("request-success-rate", 100);
    w.tick();
    state(w, PROGRESSING, 80, 20, 1, 0);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)",
        "SetRoutes(80/20)");
    w.targetHash = "rev3";
    assertThat(w.tick()).containsExactly("Normal   New revision detected! Restarting analysis for podinfo.test");
    state(w, PROGRESSING, 100, 0, 0, 0);
    actions(w, "SetRoutes(100/0)");
    assertThat(w.status.lastAppliedSpec()).isEqualTo("rev3");
    assertThat(w.tick()).contains("Normal   Pre-rollout check acceptance-test passed");
    state(w, PROGRESSING, 90, 10, 0, 0);
    actions(w, "CallWebhook(acceptance-test)", "SetRoutes(90/10)");
  }

  @Test
  void promotionOfAConfigChange() {
    World w = new World(Fixtures.seed());
    w.configs = Map.of("configmap/podinfo-config", "aaaa");
    w.tick();
    assertThat(w.status.trackedConfigs()).containsEntry("configmap/podinfo-config", "aaaa");
    w.configs = Map.of("configmap/podinfo-config", "bbbb");
    assertThat(w.tick()).containsExactly("Normal   New revision detected! Scaling up podinfo.test");
    for (int i = 0; i < 12 && w.status.phase() != SUCCEEDED; i++) {
      w.tick();
    }
    state(w, SUCCEEDED, 100, 0, 0, 0);
    actions(w, "ScaleToZero");
    assertThat(w.promotions).isEqualTo(1);
    assertThat(w.status.trackedConfigs()).containsEntry("configmap/podinfo-config", "bbbb");
  }

  @Test
  void promotionPrimaryNotReady() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().stepWeight(100).maxWeight(null).build())));
    w.tick();
    w.tick();
    state(w, PROMOTING, 0, 100, 0, 0);
    actions(w, "CallWebhook(load-test)", "QueryMetric(request-success-rate)", "QueryMetric(request-duration)",
        "Promote");
    w.primaryReadiness = Readiness.failed("deployment \"podinfo-primary\" exceeded its progress deadline");
    assertThat(w.tick()).containsExactly(
        "Warning  deployment \"podinfo-primary\" exceeded its progress deadline",
        "Warning  Promotion of podinfo.test failed, primary not ready: deployment \"podinfo-primary\" exceeded its"
            + " progress deadline");
    state(w, FAILED, 0, 100, 0, 0);
    actions(w, "SetRoutes(0/100)");
    statusWeight(w, 100);
    assertThat(w.canaryReplicas).as("the canary keeps serving").isEqualTo(2);
  }

  @Test
  void promotionFailedAfterTrafficShift() {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().stepWeight(100).maxWeight(null).build())));
    w.tick();
    w.tick();
    w.tick();
    state(w, FINALISING, 100, 0, 0, 0);
    actions(w, "ReconcileAutoscaler", "SetRoutes(100/0)");
    w.primaryReadiness = Readiness.failed("deployment \"podinfo-primary\" exceeded its progress deadline");
    w.tick();
    state(w, FAILED, 0, 100, 0, 0);
    actions(w, "SetRoutes(0/100)");
    statusWeight(w, 100);
    assertThat(w.canaryReplicas).isEqualTo(2);
  }
}
