package dev.canarykit.examples.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * What the release ended with, and whether that is what the scenario expects: {@code good} is Succeeded with the
 * primary on 3.1.1; {@code slow} and {@code errors} are Failed with the primary still on 3.1.0 and the canary
 * scaled to zero.
 *
 * @param phase the Canary's final phase ({@code ""} when it has none)
 * @param primaryImage the primary's image
 * @param canaryReplicas the target Deployment's replicas
 */
record Verdict(String phase, String primaryImage, int canaryReplicas) {

  /** Reads the outcome of the seed release from the cluster. */
  public static Verdict read(KubernetesClient client) {
    GenericKubernetesResource canary = Kinds.of(client, Kinds.CANARY).inNamespace(EmbeddedCluster.TEST)
        .withName("podinfo").get();
    Object status = canary == null ? null : canary.getAdditionalProperties().get("status");
    String phase = status instanceof Map<?, ?> m && m.get("phase") != null ? m.get("phase").toString() : "";
    Deployment primary = client.apps().deployments().inNamespace(EmbeddedCluster.TEST).withName("podinfo-primary")
        .get();
    Deployment target = client.apps().deployments().inNamespace(EmbeddedCluster.TEST).withName("podinfo").get();
    String image = primary == null ? "(none)"
        : primary.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    return new Verdict(phase, image, target == null ? -1 : RolloutSimulator.replicas(target));
  }

  /** Whether this is what {@code scenario} expects. */
  public boolean matches(Scenario scenario) {
    if (scenario.promotes()) {
      return "Succeeded".equals(phase) && primaryImage.endsWith(":3.1.1");
    }
    return "Failed".equals(phase) && primaryImage.endsWith(":3.1.0") && canaryReplicas == 0;
  }

  /** What {@code scenario} expects, in words. */
  public static String expected(Scenario scenario) {
    return scenario.promotes() ? "Succeeded with the primary on 3.1.1"
        : "Failed with the primary on 3.1.0 and the canary at zero";
  }

  @Override
  public String toString() {
    return "phase " + (phase.isEmpty() ? "(none)" : phase) + ", primary image " + primaryImage
        + ", canary replicas " + canaryReplicas;
  }
}
