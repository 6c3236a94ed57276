package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command.Workload;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Outcome.Readiness;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.port.WorkloadStore;
import dev.canarykit.core.port.WorkloadStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryWorkloadStoreTest extends WorkloadStoreContract {
  private static final Canary C = ContractFixtures.canary();
  private static final Instant T = ManualClock.DEFAULT_START;
  private InMemoryWorkloadStore last;

  @Override
  protected WorkloadStore createStore(Canary canary) {
    last = new InMemoryWorkloadStore();
    return last;
  }

  @Override
  protected WorkloadStore createStoreWithoutTarget(Canary canary) {
    last = new InMemoryWorkloadStore();
    last.setTargetExists(false);
    return last;
  }

  @Override
  protected void changeTargetTemplate(Canary canary) {
    last.setTargetRevision(last.targetRevision() + "x");
  }

  private static Readiness ready(InMemoryWorkloadStore s, Workload w) {
    return s.readiness(C, w, 100, Duration.ofMinutes(10), T);
  }

  @Test
  void promoteCopiesTheTargetRevisionAndConfigs() {
    var s = new InMemoryWorkloadStore();
    s.ensurePrimary(C);
    assertThat(s.primaryRevision()).isEqualTo("v1");
    s.setTargetRevision("v2");
    s.setTrackedConfigs(Map.of("configmap/cfg", "abc"));
    assertThat(s.observeTarget(C)).isEqualTo(new Outcome.Revision("v2", Map.of("configmap/cfg", "abc")));
    s.promote(C);
    assertThat(s.primaryRevision()).isEqualTo("v2");
    assertThat(s.primaryConfigs()).containsEntry("configmap/cfg", "abc");
    assertThat(s.promotions()).isEqualTo(1);
  }

  @Test
  void promoteWithoutPrimaryFailsNamingItAndChangesNothing() {
    var s = new InMemoryWorkloadStore();
    s.setTargetRevision("v2");
    assertThat(s.promote(C)).isEqualTo(new Outcome.Failed("deployment podinfo-primary.test not found"));
    assertThat(s.primaryRevision()).isNull();
    assertThat(s.promotions()).isZero();
    s.ensurePrimary(C);
    assertThat(s.promote(C)).isEqualTo(Outcome.OK);
    assertThat(s.primaryRevision()).isEqualTo("v2");
  }

  @Test
  void scalesDownAndUpToThePrimaryReplicas() {
    var s = new InMemoryWorkloadStore();
    s.setTargetReplicas(3);
    s.ensurePrimary(C);
    s.scaleToZero(C);
    assertThat(s.targetReplicas()).isZero();
    s.scaleFromZero(C);
    assertThat(s.targetReplicas()).isEqualTo(3);
    assertThat(s.primaryReplicas()).isEqualTo(3);
    assertThat(s.count("scaleToZero")).isEqualTo(1);
    assertThat(s.count("scaleFromZero")).isEqualTo(1);
  }

  @Test
  void readinessIsReadyByDefaultThenScripted() {
    var s = new InMemoryWorkloadStore();
    assertThat(ready(s, Workload.CANARY)).isEqualTo(Readiness.READY);
    s.queueReadiness(Workload.CANARY, Readiness.waiting("not yet"));
    s.setReadiness(Workload.PRIMARY, Readiness.failed("deadline"));
    assertThat(ready(s, Workload.CANARY)).isEqualTo(Readiness.waiting("not yet"));
    assertThat(ready(s, Workload.CANARY)).isEqualTo(Readiness.READY);
    assertThat(ready(s, Workload.PRIMARY)).isEqualTo(Readiness.failed("deadline"));
    assertThat(s.calls()).containsExactly("readiness(CANARY)", "readiness(CANARY)", "readiness(CANARY)",
        "readiness(PRIMARY)");
  }

  @Test
  void injectedFailuresAreValues() {
    var s = new InMemoryWorkloadStore();
    s.failNext(2, "boom");
    assertThat(s.reconcileServices(C)).isEqualTo(new Outcome.Failed("boom"));
    assertThat(ready(s, Workload.PRIMARY)).isEqualTo(Readiness.waiting("boom"));
    assertThat(s.reconcileServices(C)).isEqualTo(Outcome.OK);
  }

  @Test
  void autoscalerIsCreatedOnlyWithAReference() {
    var s = new InMemoryWorkloadStore();
    s.reconcileAutoscaler(C, false);
    assertThat(s.primaryAutoscalerExists()).isFalse();
    var withHpa = new Canary(C.name(), C.namespace(), C.spec().toBuilder()
        .autoscalerRef(new dev.canarykit.core.model.CanarySpec.AutoscalerRef("autoscaling/v2", "HorizontalPodAutoscaler",
            "podinfo", null)).build());
    s.reconcileAutoscaler(withHpa, true);
    assertThat(s.primaryAutoscalerExists()).isTrue();
    assertThat(s.calls()).containsExactly("reconcileAutoscaler", "reconcileAutoscaler(update)");
  }
}
