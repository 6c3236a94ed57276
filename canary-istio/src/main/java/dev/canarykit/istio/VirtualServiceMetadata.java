package dev.canarykit.istio;

import dev.canarykit.core.model.Canary;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.LinkedHashMap;
import java.util.Map;

/** The VirtualService's labels and annotations (§4.2). */
final class VirtualServiceMetadata {
  /** kubectl's record of the last applied object; kept, and used by revert. */
  static final String KUBECTL = "kubectl.kubernetes.io/last-applied-configuration";
  /** The spec before canarykit first changed it, when there is no kubectl record; used by revert. */
  static final String ORIGINAL = "flagger.kubernetes.io/original-configuration";
  /** Flux must not undo canarykit's changes (set as Flagger does). */
  static final Map<String, String> TOOLKIT = Map.of("kustomize.toolkit.fluxcd.io/reconcile", "disabled",
      "helm.toolkit.fluxcd.io/driftDetection", "disabled");

  private VirtualServiceMetadata() {}

  /** {@code service.apex.labels}. */
  static Map<String, String> labels(Canary canary) {
    return new LinkedHashMap<>(canary.spec().service().apex().labels());
  }

  /** {@code service.apex.annotations}, the toolkit keys, and the live kubectl and original records. */
  static Map<String, String> annotations(Canary canary, VirtualService live) {
    Map<String, String> out = new LinkedHashMap<>(canary.spec().service().apex().annotations());
    out.putAll(TOOLKIT);
    Map<String, String> current = live == null ? null : live.getMetadata().getAnnotations();
    if (current != null) {
      keep(current, out, KUBECTL);
      keep(current, out, ORIGINAL);
    }
    return out;
  }

  /** Whether two label or annotation maps are equal, {@code null} counting as empty. */
  static boolean same(Map<String, String> a, Map<String, String> b) {
    return (a == null ? Map.of() : a).equals(b == null ? Map.of() : b);
  }

  private static void keep(Map<String, String> from, Map<String, String> to, String key) {
    if (from.containsKey(key)) {
      to.put(key, from.get(key));
    }
  }
}
