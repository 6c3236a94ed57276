package dev.canarykit.k8s.status;

import dev.canarykit.core.model.Canary;
import dev.canarykit.k8s.FlaggerCrds;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.resource.CanaryResourceSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;

/** Installs the Flagger CRDs (status subresource on) and Canary resources on the mock server. */
public final class Canaries {
  private Canaries() {}

  /** The CRDs, so that status is a subresource as on a real cluster. */
  public static void installCrds(KubernetesClient client) {
    FlaggerCrds.load(client.getKubernetesSerialization())
        .forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd).create());
  }

  /** The CRDs and a Canary named like {@code canary} with the seed's spec. */
  public static CanaryResource install(KubernetesClient client, Canary canary) {
    installCrds(client);
    CanaryResource r = seed(client);
    r.getMetadata().setName(canary.name());
    r.getMetadata().setNamespace(canary.namespace());
    return client.resource(r).create();
  }

  /** The seed Canary resource (test resource flagger/podinfo-canary.yaml), not created. */
  public static CanaryResource seed(KubernetesClient client) {
    try (InputStream in = Canaries.class.getResourceAsStream("/flagger/podinfo-canary.yaml")) {
      return client.getKubernetesSerialization().unmarshal(in, CanaryResource.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static CanaryResourceSpec spec(CanaryResource r) {
    return r.getSpec();
  }
}
