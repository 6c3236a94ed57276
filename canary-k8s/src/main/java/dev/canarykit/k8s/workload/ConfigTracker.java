package dev.canarykit.k8s.workload;

import dev.canarykit.k8s.cache.ClusterReader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tracked ConfigMaps and Secrets of a pod spec with their checksums (docs/flagger-compatibility.md §1.4): the
 * first 8 bytes (hex) of SHA-256 over the JSON of {@code .data} as Go writes it ({@link ConfigChecksum}). Objects
 * annotated {@value #OPT_OUT} with a value starting with {@code disable}, and Secrets of other types than
 * Opaque, basic-auth, ssh-auth and tls, are not tracked.
 */
final class ConfigTracker {
  static final String OPT_OUT = "flagger.app/config-tracking";
  private static final Set<String> SECRET_TYPES = Set.of("", "Opaque", "kubernetes.io/basic-auth",
      "kubernetes.io/ssh-auth", "kubernetes.io/tls");

  private final ClusterReader reader;

  ConfigTracker(ClusterReader reader) {
    this.reader = reader;
  }

  /**
   * The tracked objects of {@code spec}, by key ({@code configmap/<name>}), sorted.
   *
   * @throws MissingConfig when a mandatory reference names a missing object
   */
  Map<String, HasMetadata> tracked(PodSpec spec, String ns) {
    Map<String, HasMetadata> out = new TreeMap<>();
    for (ConfigRef ref : ConfigRefs.find(spec)) {
      if (out.containsKey(ref.key())) {
        continue;
      }
      Optional<? extends HasMetadata> o = ref.kind().equals(ConfigRef.CONFIGMAP)
          ? reader.get(ConfigMap.class, ns, ref.name()) : reader.get(Secret.class, ns, ref.name());
      if (o.isEmpty()) {
        if (!ref.optional()) {
          throw new MissingConfig(ref.kind() + " " + ref.name() + "." + ns + " not found");
        }
      } else if (trackable(o.get())) {
        out.put(ref.key(), o.get());
      }
    }
    return out;
  }

  /** The checksums of {@code tracked}. */
  static Map<String, String> checksums(Map<String, HasMetadata> tracked) {
    Map<String, String> out = new LinkedHashMap<>();
    tracked.forEach((k, o) -> out.put(k, checksum(o)));
    return out;
  }

  static String checksum(HasMetadata o) {
    Map<String, String> data = o instanceof ConfigMap cm ? cm.getData() : ((Secret) o).getData();
    return ConfigChecksum.of(data);
  }

  private static boolean trackable(HasMetadata o) {
    String opt = Metadata.orEmpty(o.getMetadata().getAnnotations()).getOrDefault(OPT_OUT, "");
    if (opt.startsWith("disable")) {
      return false;
    }
    return !(o instanceof Secret s) || SECRET_TYPES.contains(s.getType() == null ? "" : s.getType());
  }

  /** A mandatory ConfigMap or Secret is missing; the message is the event text. */
  static final class MissingConfig extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingConfig(String message) {
      super(message, null, false, false);
    }
  }
}
