package dev.canarykit.k8s.workload;

import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Label and annotation filtering and owner references shared by the generated objects. */
final class Metadata {
  static final String TOOLKIT = "toolkit.fluxcd.io";

  private Metadata() {}

  /** Annotations without Flux toolkit keys. */
  static Map<String, String> annotations(Map<String, String> in) {
    Map<String, String> out = new TreeMap<>();
    if (in != null) {
      in.forEach((k, v) -> {
        if (!k.contains(TOOLKIT)) {
          out.put(k, v);
        }
      });
    }
    return out;
  }

  /** Labels whose key starts with one of {@code prefixes} ({@code *} keeps all), Flux toolkit keys dropped. */
  static Map<String, String> labels(Map<String, String> in, List<String> prefixes) {
    Map<String, String> out = new TreeMap<>();
    if (in != null) {
      in.forEach((k, v) -> {
        boolean kept = prefixes.stream().anyMatch(p -> p.equals("*") || k.startsWith(p));
        if (kept && !k.contains(TOOLKIT)) {
          out.put(k, v);
        }
      });
    }
    return out;
  }

  /** The controller owner reference to {@code canary}. */
  static OwnerReference owner(CanaryResource canary) {
    return new OwnerReferenceBuilder().withApiVersion("flagger.app/v1beta1").withKind("Canary")
        .withName(canary.getMetadata().getName()).withUid(canary.getMetadata().getUid())
        .withController(true).withBlockOwnerDeletion(true).build();
  }

  /** The owner references of a generated object: the Canary when it is known. */
  static List<OwnerReference> owners(Optional<CanaryResource> canary) {
    return canary.map(c -> List.of(owner(c))).orElse(List.of());
  }

  /** Whether {@code o} is controlled by {@code canary}. */
  static boolean ownedBy(HasMetadata o, Optional<CanaryResource> canary) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    return canary.isPresent() && refs != null
        && refs.stream().anyMatch(r -> canary.get().getMetadata().getUid() != null
            && canary.get().getMetadata().getUid().equals(r.getUid()));
  }

  /** {@code map} or an empty map. */
  static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
