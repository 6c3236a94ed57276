package dev.canarykit.examples.demo;

import io.fabric8.istio.api.networking.v1beta1.Gateway;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The seed's manifests, copied into the jar under {@value #DIRECTORY} (the demo never reads {@code ../shared}).
 */
final class SeedManifests {
  /** Where the manifests live on the class path. */
  public static final String DIRECTORY = "seed/";

  private final KubernetesClient client;

  /** Reads and applies through {@code client}, which the caller owns. */
  public SeedManifests(KubernetesClient client) {
    this.client = client;
  }

  /** Applies the Deployment, the HPA and the Gateway. */
  public void applyWorkloads() {
    applyWorkloadsOnly();
    applyGateway();
  }

  /** Applies the Deployment and the HPA. */
  public void applyWorkloadsOnly() {
    client.resource(read("podinfo-deployment.yaml", Deployment.class)).create();
    client.resource(read("podinfo-hpa.yaml", HorizontalPodAutoscaler.class)).create();
  }

  /** Applies the Istio Gateway. */
  public void applyGateway() {
    client.adapt(IstioClient.class).v1beta1().gateways()
        .resource(read("public-gateway.yaml", Gateway.class)).create();
  }

  /**
   * Applies the Canary with its durations divided by {@code scale}.
   *
   * @return the rewritten values, one line each
   * @throws IllegalArgumentException if the scale is rejected; nothing is applied then
   */
  public List<String> applyCanary(TimeScale scale) {
    GenericKubernetesResource canary = canary();
    List<String> changes = scale.rewrite(spec(canary));
    Kinds.of(client, Kinds.CANARY).resource(canary).create();
    return changes;
  }

  /** Checks {@code scale} against the seed's Canary without applying anything; the rewritten values. */
  public static List<String> check(TimeScale scale) {
    return scale.rewrite(spec(read(new KubernetesSerialization(), "podinfo-canary.yaml",
        GenericKubernetesResource.class)));
  }

  private GenericKubernetesResource canary() {
    return read("podinfo-canary.yaml", GenericKubernetesResource.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource canary) {
    return (Map<String, Object>) canary.getAdditionalProperties().get("spec");
  }

  private <T extends HasMetadata> T read(String file, Class<T> type) {
    return read(client.getKubernetesSerialization(), file, type);
  }

  private static <T extends HasMetadata> T read(KubernetesSerialization serialization, String file, Class<T> type) {
    try (InputStream in = SeedManifests.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing class-path resource " + DIRECTORY + file));
      }
      return serialization.unmarshal(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
