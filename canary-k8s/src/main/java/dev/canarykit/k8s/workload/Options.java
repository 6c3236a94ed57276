package dev.canarykit.k8s.workload;

import java.util.List;

/**
 * Settings of {@link KubernetesWorkloadStore}.
 *
 * @param selectorLabels the keys looked up in the target's selector, in order (Flagger's {@code -selector-labels})
 * @param includeLabelPrefixes label key prefixes copied to the primary ({@code *} for all; Flagger's
 *     {@code -include-label-prefix}); empty copies none
 */
record Options(List<String> selectorLabels, List<String> includeLabelPrefixes) {
  static final List<String> DEFAULT_SELECTOR_LABELS = List.of("app", "name", "app.kubernetes.io/name");

  Options {
    selectorLabels = List.copyOf(selectorLabels);
    includeLabelPrefixes = List.copyOf(includeLabelPrefixes);
  }
}
