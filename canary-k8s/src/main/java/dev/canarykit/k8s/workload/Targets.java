package dev.canarykit.k8s.workload;

import dev.canarykit.core.model.Canary;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the target and primary Deployments, scaling, and the apex restore of a revert. */
final class Targets {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final Writer writer;
  private final Options options;

  Targets(Writer writer, Options options) {
    this.writer = writer;
    this.options = options;
  }

  /** The target; throws with Flagger's text when it is missing. */
  Deployment target(Canary canary) {
    String name = canary.spec().targetRef().name();
    return writer.reader().get(Deployment.class, canary.namespace(), name).orElseThrow(
        () -> new IllegalStateException("deployment " + name + "." + canary.namespace() + " not found"));
  }

  Optional<Deployment> primary(Canary canary) {
    return writer.reader().get(Deployment.class, canary.namespace(), canary.spec().targetRef().name() + "-primary");
  }

  SelectorLabel label(Deployment target) {
    return SelectorLabel.of(target, options.selectorLabels()).orElseThrow(() -> new IllegalStateException(
        SelectorLabel.missing(target.getMetadata().getName(), target.getMetadata().getNamespace(),
            options.selectorLabels())));
  }

  /** Sets the target's replicas unless the cache already shows them. */
  void scaleTarget(Canary canary, int replicas) {
    Deployment target = target(canary);
    if (Integer.valueOf(replicas).equals(target.getSpec().getReplicas())) {
      return;
    }
    writer.edit(Deployment.class, canary.namespace(), target.getMetadata().getName(), List.of("/spec/replicas"),
        d -> {
          d.getSpec().setReplicas(replicas);
          return d;
        });
  }

  /**
   * Points an apex service that no Canary owns back at its original pods: the selector of its kubectl
   * last-applied configuration, else the canary pods' label (docs/flagger-compatibility.md §3.7).
   */
  void restoreApex(Canary canary, SelectorLabel label, Optional<CanaryResource> owner) {
    String name = canary.spec().serviceName();
    Optional<Service> apex = writer.reader().get(Service.class, canary.namespace(), name);
    if (apex.isEmpty() || Metadata.ownedBy(apex.get(), owner) || ownedByAnyCanary(apex.get())) {
      return;
    }
    Map<String, String> selector = lastApplied(apex.get()).orElse(Map.of(label.key(), label.value()));
    if (!selector.equals(apex.get().getSpec().getSelector())) {
      writer.edit(Service.class, canary.namespace(), name, List.of("/spec/selector"), s -> {
        s.getSpec().setSelector(selector);
        return s;
      });
    }
  }

  private static boolean ownedByAnyCanary(Service s) {
    var refs = s.getMetadata().getOwnerReferences();
    return refs != null && refs.stream().anyMatch(r -> "Canary".equals(r.getKind()));
  }

  private Optional<Map<String, String>> lastApplied(Service s) {
    String json = Metadata.orEmpty(s.getMetadata().getAnnotations()).get(LAST_APPLIED);
    if (json == null) {
      return Optional.empty();
    }
    try {
      Service applied = writer.client().getKubernetesSerialization().unmarshal(json, Service.class);
      return Optional.ofNullable(applied.getSpec() == null ? null : applied.getSpec().getSelector());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
