package dev.canarykit.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command.Workload;
import dev.canarykit.core.analysis.Outcome.Readiness;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness texts and the retriable/non-retriable split (docs/flagger-compatibility.md §3.5, §1.7). */
@EnableKubernetesMockClient(crud = true)
class ReadinessTest {
  private static final Instant NOW = Instant.parse("2024-01-01T00:10:00Z");
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String CANARY = "canary deployment podinfo.test not ready: waiting for rollout to finish: ";
  KubernetesClient client;
  StoreWorld w;
  Canary canary;

  @BeforeEach
  void setUp() {
    w = new StoreWorld(client);
    canary = w.canaryWithoutAutoscaler();
  }

  /** podinfo (or its primary) with 4 desired replicas and the given status counts and conditions. */
  private void deployment(String name, long observedDelta, int replicas, int updated, int available,
      DeploymentCondition... conditions) {
    Deployment d = w.create(new DeploymentBuilder(Fixtures.podinfo("test")).editMetadata().withName(name)
        .endMetadata().editSpec().withReplicas(4).endSpec().build());
    long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
    d.getMetadata().setGeneration(generation);
    d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generation + observedDelta)
        .withReplicas(replicas).withUpdatedReplicas(updated).withAvailableReplicas(available)
        .withConditions(new ArrayList<>(List.of(conditions))).build());
    client.apps().deployments().inNamespace("test").resource(d).updateStatus();
  }

  private static DeploymentCondition progressing(String reason) {
    return new DeploymentConditionBuilder().withType("Progressing").withStatus("True").withReason(reason).build();
  }

  private static DeploymentCondition unavailableSince(String time) {
    return new DeploymentConditionBuilder().withType("Available").withStatus("False")
        .withReason("MinimumReplicasUnavailable").withLastUpdateTime(time).build();
  }

  private Readiness canary(int threshold) {
    return w.store().readiness(canary, Workload.CANARY, threshold, DEADLINE, NOW);
  }

  @Test
  void anOlderObservedGenerationIsRetriable() {
    deployment("podinfo", -1, 4, 4, 4);
    assertThat(canary(100)).isEqualTo(Readiness.waiting(
        CANARY + "observed deployment generation less than desired generation"));
  }

  @Test
  void progressDeadlineExceededIsNotRetriable() {
    deployment("podinfo", 0, 4, 4, 4, progressing("ProgressDeadlineExceeded"));
    assertThat(canary(100)).isEqualTo(Readiness.failed(
        "canary deployment podinfo.test not ready: deployment \"podinfo\" exceeded its progress deadline"));
  }

  @Test
  void eachRolloutWaitHasFlaggersText() {
    deployment("podinfo", 0, 4, 3, 3);
    assertThat(canary(100)).isEqualTo(Readiness.waiting(
        CANARY + "3 out of 4 new replicas have been updated"));
  }

  @Test
  void oldReplicasPendingTermination() {
    deployment("podinfo", 0, 6, 4, 4);
    assertThat(canary(100)).isEqualTo(Readiness.waiting(CANARY + "2 old replicas are pending termination"));
  }

  @Test
  void availabilityNamesTheReplicasTheThresholdNeeds() {
    deployment("podinfo", 0, 4, 4, 1);
    assertThat(canary(50)).isEqualTo(Readiness.waiting(
        CANARY + "1 of 2 (readyThreshold 50%) updated replicas are available"));
    assertThat(canary(25)).isEqualTo(Readiness.READY);
  }

  @Test
  void minimumReplicasUnavailablePastTheCanaryDeadlineIsNotRetriable() {
    deployment("podinfo", 0, 4, 4, 1, progressing("ReplicaSetUpdated"), unavailableSince("2024-01-01T00:08:59Z"));
    assertThat(canary(100)).isEqualTo(Readiness.failed(
        CANARY + "1 of 4 (readyThreshold 100%) updated replicas are available"));
    assertThat(w.store().readiness(canary, Workload.CANARY, 100, DEADLINE, Instant.parse("2024-01-01T00:09:58Z")))
        .isEqualTo(Readiness.waiting(CANARY + "1 of 4 (readyThreshold 100%) updated replicas are available"));
  }

  @Test
  void minimumReplicasUnavailableWithoutAProgressingConditionStaysRetriable() {
    deployment("podinfo", 0, 4, 4, 1, unavailableSince("2024-01-01T00:00:00Z"));
    assertThat(canary(100).state()).isEqualTo(Readiness.State.WAITING);
  }

  @Test
  void thePrimaryUsesItsOwnPrefixAndAMissingDeploymentIsRetriable() {
    assertThat(w.store().readiness(canary, Workload.PRIMARY, 100, DEADLINE, NOW)).isEqualTo(Readiness.waiting(
        "podinfo-primary.test not ready: deployment podinfo-primary.test not found"));
    deployment("podinfo-primary", 0, 4, 4, 0);
    assertThat(w.store().readiness(canary, Workload.PRIMARY, 100, DEADLINE, NOW)).isEqualTo(Readiness.waiting(
        "podinfo-primary.test not ready: waiting for rollout to finish: 0 of 4 (readyThreshold 100%) updated "
            + "replicas are available"));
    deployment("podinfo", 0, 4, 4, 4);
    assertThat(canary(100)).isEqualTo(Readiness.READY);
  }
}
