package dev.canarykit.examples.scale;

import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.Map;

/**
 * The harness's fleet: canary {@code i} is {@code app-<i>}, a seed-like Canary (two built-in metrics, a pre-rollout
 * and a load-test webhook, 5% steps up to 50%) over its own Deployment {@code app-<i>}.
 */
final class ScaleFleet {
  static final String NAMESPACE = "fleet";
  static final String OLD_IMAGE = "stefanprodan/podinfo:3.1.0";
  static final String NEW_IMAGE = "stefanprodan/podinfo:3.1.1";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private ScaleFleet() {}

  static String name(int i) {
    return "app-" + i;
  }

  /** The target Deployment of canary {@code i}, rolled out. */
  static Deployment target(int i) {
    Map<String, String> labels = Map.of("app", name(i));
    return new DeploymentBuilder().withNewMetadata().withName(name(i)).withNamespace(NAMESPACE)
        .withLabels(labels).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().addNewContainer().withName("podinfod").withImage(OLD_IMAGE)
        .addNewPort().withName("http").withContainerPort(9898).endPort().endContainer().endSpec()
        .endTemplate().endSpec()
        .withStatus(new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(1).withUpdatedReplicas(1)
            .withReadyReplicas(1).withAvailableReplicas(1).build())
        .build();
  }

  /** Canary {@code i}, analysed every {@code interval}. */
  static CanaryResource canary(int i, Duration interval) {
    String yaml = """
        apiVersion: flagger.app/v1beta1
        kind: Canary
        metadata:
          name: NAME
          namespace: NS
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: NAME}
          progressDeadlineSeconds: 600
          service:
            port: 9898
            targetPort: 9898
          analysis:
            interval: INTERVAL
            threshold: 5
            maxWeight: 50
            stepWeight: 5
            metrics:
              - name: request-success-rate
                thresholdRange: {min: 99}
                interval: 1m
              - name: request-duration
                thresholdRange: {max: 500}
                interval: 30s
            webhooks:
              - name: acceptance-test
                type: pre-rollout
                url: http://flagger-loadtester.fleet/
                timeout: 30s
                metadata: {type: bash, cmd: "curl -sd 'test' http://NAME-canary:9898/token | grep token"}
              - name: load-test
                url: http://flagger-loadtester.fleet/
                timeout: 5s
                metadata: {cmd: "hey -z 1m -q 10 -c 2 http://NAME-canary.fleet:9898/"}
        """.replace("NAME", name(i)).replace("NS", NAMESPACE).replace("INTERVAL", interval.toSeconds() + "s");
    return JSON.unmarshal(yaml, CanaryResource.class);
  }
}
