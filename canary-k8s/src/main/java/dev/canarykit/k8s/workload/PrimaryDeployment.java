package dev.canarykit.k8s.workload;

import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Builds {@code <target>-primary} and applies promotions to it (docs/flagger-compatibility.md §3.2, §3.3). */
final class PrimaryDeployment {
  private PrimaryDeployment() {}

  /** A new primary for {@code target}. */
  static Deployment create(KubernetesSerialization json, Deployment target, SelectorLabel label, Options options,
      Set<String> tracked, Optional<CanaryResource> canary) {
    Deployment p = new Deployment();
    p.setMetadata(new ObjectMetaBuilder().withName(target.getMetadata().getName() + "-primary")
        .withNamespace(target.getMetadata().getNamespace()).withOwnerReferences(Metadata.owners(canary)).build());
    p.setSpec(new DeploymentSpec());
    Integer replicas = target.getSpec().getReplicas();
    p.getSpec().setReplicas(replicas != null && replicas > 0 ? replicas : 1);
    p.getSpec().setSelector(new LabelSelectorBuilder().withMatchLabels(Map.of(label.key(), label.primaryValue()))
        .build());
    promote(json, p, target, label, options, tracked, true);
    return p;
  }

  /**
   * Copies {@code target} onto {@code primary} in place: metadata, template, deadlines and strategy, and the
   * replicas when {@code copyReplicas} (no autoscaler).
   */
  static void promote(KubernetesSerialization json, Deployment primary, Deployment target, SelectorLabel label,
      Options options, Set<String> tracked, boolean copyReplicas) {
    Map<String, String> labels = new TreeMap<>(Metadata.labels(target.getMetadata().getLabels(),
        options.includeLabelPrefixes()));
    labels.put(label.key(), label.primaryValue());
    primary.getMetadata().setLabels(labels);
    primary.getMetadata().setAnnotations(Metadata.annotations(target.getMetadata().getAnnotations()));
    DeploymentSpec s = primary.getSpec();
    DeploymentSpec t = target.getSpec();
    s.setProgressDeadlineSeconds(t.getProgressDeadlineSeconds());
    s.setMinReadySeconds(t.getMinReadySeconds());
    s.setRevisionHistoryLimit(t.getRevisionHistoryLimit());
    s.setStrategy(t.getStrategy());
    if (copyReplicas && t.getReplicas() != null && t.getReplicas() > 0) {
      s.setReplicas(t.getReplicas());
    }
    s.setTemplate(PrimaryTemplate.build(json, t.getTemplate(), label, target.getMetadata().getName(),
        options.selectorLabels(), tracked));
  }

  /** The paths a promotion owns. */
  static List<String> promotedPaths() {
    return List.of("/metadata/labels", "/metadata/annotations", "/spec/progressDeadlineSeconds",
        "/spec/minReadySeconds", "/spec/revisionHistoryLimit", "/spec/strategy", "/spec/replicas", "/spec/template");
  }
}
