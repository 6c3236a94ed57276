package dev.canarykit.k8s.workload;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target's selector label (docs/flagger-compatibility.md §3.1): the first of the configured keys present in
 * {@code spec.selector.matchLabels}; its value {@code V} selects canary pods, {@code V-primary} primary pods.
 *
 * @param key the label key, e.g. {@code app}
 * @param value the label value of the canary pods
 */
record SelectorLabel(String key, String value) {

  /** The primary pods' value. */
  String primaryValue() {
    return value + "-primary";
  }

  /** The label of {@code target}, or empty when none of {@code keys} is a selector label. */
  static Optional<SelectorLabel> of(Deployment target, List<String> keys) {
    Map<String, String> match = target.getSpec() == null || target.getSpec().getSelector() == null ? null
        : target.getSpec().getSelector().getMatchLabels();
    if (match != null) {
      for (String key : keys) {
        if (match.containsKey(key)) {
          return Optional.of(new SelectorLabel(key, match.get(key)));
        }
      }
    }
    return Optional.empty();
  }

  /** Flagger's error text when no selector label is found (Go prints the key list as {@code [a b c]}). */
  static String missing(String name, String ns, List<String> keys) {
    return "deployment " + name + "." + ns + " spec.selector.matchLabels must contain one of ["
        + String.join(" ", keys) + "]";
  }
}
