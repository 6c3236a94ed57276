package dev.canarykit.k8s.workload;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The primary's pod template built from the target's (docs/flagger-compatibility.md §3.2): selector label rewritten to
 * {@code V-primary}, a fresh {@value #FLAGGER_ID} so pods always roll, tracked config references renamed, and
 * anti-affinity and topology-spread selectors naming the target pointed at the primary.
 */
final class PrimaryTemplate {
  static final String FLAGGER_ID = "flagger-id";

  private PrimaryTemplate() {}

  static PodTemplateSpec build(KubernetesSerialization json, PodTemplateSpec target, SelectorLabel label,
      String targetName, List<String> selectorKeys, Set<String> tracked) {
    PodTemplateSpec t = json.clone(target);
    if (t.getMetadata() == null) {
      t.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    Map<String, String> labels = new TreeMap<>(Metadata.orEmpty(t.getMetadata().getLabels()));
    labels.put(label.key(), label.primaryValue());
    t.getMetadata().setLabels(labels);
    Map<String, String> annotations = new TreeMap<>(Metadata.orEmpty(t.getMetadata().getAnnotations()));
    annotations.put(FLAGGER_ID, UUID.randomUUID().toString());
    t.getMetadata().setAnnotations(annotations);
    PodSpec spec = t.getSpec();
    if (spec != null) {
      ConfigRefs.renameToPrimary(spec, tracked);
      rewriteSelectors(spec, targetName, selectorKeys);
    }
    return t;
  }

  private static void rewriteSelectors(PodSpec spec, String name, List<String> keys) {
    List<LabelSelector> selectors = new ArrayList<>();
    if (spec.getTopologySpreadConstraints() != null) {
      spec.getTopologySpreadConstraints().forEach(c -> selectors.add(c.getLabelSelector()));
    }
    var anti = spec.getAffinity() == null ? null : spec.getAffinity().getPodAntiAffinity();
    if (anti != null) {
      if (anti.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
        anti.getRequiredDuringSchedulingIgnoredDuringExecution().forEach(a -> selectors.add(a.getLabelSelector()));
      }
      if (anti.getPreferredDuringSchedulingIgnoredDuringExecution() != null) {
        for (WeightedPodAffinityTerm w : anti.getPreferredDuringSchedulingIgnoredDuringExecution()) {
          selectors.add(w.getPodAffinityTerm() == null ? null : w.getPodAffinityTerm().getLabelSelector());
        }
      }
    }
    selectors.stream().filter(s -> s != null).forEach(s -> rewrite(s, name, keys));
  }

  private static void rewrite(LabelSelector s, String name, List<String> keys) {
    if (s.getMatchLabels() != null) {
      s.getMatchLabels().replaceAll((k, v) -> keys.contains(k) && name.equals(v) ? v + "-primary" : v);
    }
    if (s.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : s.getMatchExpressions()) {
        if (keys.contains(r.getKey()) && r.getValues() != null) {
          r.setValues(r.getValues().stream().map(v -> name.equals(v) ? v + "-primary" : v).toList());
        }
      }
    }
  }
}
