package dev.canarykit.k8s.controller;

import dev.canarykit.k8s.resource.AlertProviderResource;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.resource.MetricTemplateResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/**
 * What the controller checks before it starts anything, as Flagger does: the API server answers, and Flagger's
 * three CRDs are served (one list of at most one item each, in the watched namespace). Each failure is a
 * {@link ControllerStartException} naming the API server's URL and the resource.
 */
final class ApiServerCheck {
  private static final List<Class<? extends HasMetadata>> KINDS = List.of(CanaryResource.class,
      MetricTemplateResource.class, AlertProviderResource.class);

  private ApiServerCheck() {}

  static void verify(KubernetesClient client, String namespace) {
    for (Class<? extends HasMetadata> kind : KINDS) {
      String what = HasMetadata.getPlural(kind) + "." + HasMetadata.getGroup(kind);
      try {
        var op = client.resources(kind);
        var options = new ListOptionsBuilder().withLimit(1L).build();
        if (namespace == null) {
          op.inAnyNamespace().list(options);
        } else {
          op.inNamespace(namespace).list(options);
        }
      } catch (KubernetesClientException e) {
        throw new ControllerStartException(describe(e, client, what, namespace), e);
      }
    }
  }

  private static String describe(KubernetesClientException e, KubernetesClient client, String what, String ns) {
    String server = "the Kubernetes API server at " + client.getMasterUrl();
    String where = ns == null ? "in every namespace" : "in namespace " + ns;
    if (e.getCode() <= 0) {
      return "cannot reach " + server + ": " + rootMessage(e);
    }
    return switch (e.getCode()) {
      case 404 -> "the CustomResourceDefinition " + what + " is not installed on " + server
          + " (install Flagger's CRDs, e.g. FlaggerCrds)";
      case 401, 403 -> "listing " + what + " " + where + " on " + server + " is not allowed (HTTP " + e.getCode()
          + "; bind the ClusterRole canarykit-controller)";
      default -> "listing " + what + " " + where + " on " + server + " failed: HTTP " + e.getCode();
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
  }
}
