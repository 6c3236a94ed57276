package dev.canarykit.k8s.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds and renames the ConfigMap and Secret references of a pod spec (docs/flagger-compatibility.md §1.4, §3.2):
 * volumes, projected sources, and env/envFrom of containers and init containers.
 */
final class ConfigRefs {
  private ConfigRefs() {}

  /** Every reference of {@code spec}, in spec order, duplicates included. */
  static List<ConfigRef> find(PodSpec spec) {
    List<ConfigRef> out = new ArrayList<>();
    visit(spec, out::add, null);
    return out;
  }

  /** Renames, in place, each reference whose key is in {@code tracked} to {@code <name>-primary}. */
  static void renameToPrimary(PodSpec spec, Set<String> tracked) {
    visit(spec, r -> {}, r -> tracked.contains(r.key()) ? r.name() + "-primary" : r.name());
  }

  private static void visit(PodSpec spec, Consumer<ConfigRef> seen, Function<ConfigRef, String> rename) {
    Renamer n = new Renamer(seen, rename == null ? ConfigRef::name : rename);
    for (Volume v : nonNull(spec.getVolumes())) {
      if (v.getConfigMap() != null) {
        v.getConfigMap().setName(n.apply(ConfigRef.CONFIGMAP, v.getConfigMap().getName(), v.getConfigMap().getOptional()));
      }
      if (v.getSecret() != null) {
        v.getSecret().setSecretName(n.apply(ConfigRef.SECRET, v.getSecret().getSecretName(), v.getSecret().getOptional()));
      }
      if (v.getProjected() != null) {
        nonNull(v.getProjected().getSources()).forEach(p -> projected(p, n));
      }
    }
    List<Container> containers = new ArrayList<>(nonNull(spec.getContainers()));
    containers.addAll(nonNull(spec.getInitContainers()));
    for (Container c : containers) {
      nonNull(c.getEnv()).forEach(e -> env(e, n));
      nonNull(c.getEnvFrom()).forEach(e -> envFrom(e, n));
    }
  }

  private static void projected(VolumeProjection p, Renamer n) {
    if (p.getConfigMap() != null) {
      p.getConfigMap().setName(n.apply(ConfigRef.CONFIGMAP, p.getConfigMap().getName(), p.getConfigMap().getOptional()));
    }
    if (p.getSecret() != null) {
      p.getSecret().setName(n.apply(ConfigRef.SECRET, p.getSecret().getName(), p.getSecret().getOptional()));
    }
  }

  private static void env(EnvVar e, Renamer n) {
    if (e.getValueFrom() == null) {
      return;
    }
    var cm = e.getValueFrom().getConfigMapKeyRef();
    if (cm != null) {
      cm.setName(n.apply(ConfigRef.CONFIGMAP, cm.getName(), cm.getOptional()));
    }
    var s = e.getValueFrom().getSecretKeyRef();
    if (s != null) {
      s.setName(n.apply(ConfigRef.SECRET, s.getName(), s.getOptional()));
    }
  }

  private static void envFrom(EnvFromSource e, Renamer n) {
    if (e.getConfigMapRef() != null) {
      e.getConfigMapRef().setName(n.apply(ConfigRef.CONFIGMAP, e.getConfigMapRef().getName(),
          e.getConfigMapRef().getOptional()));
    }
    if (e.getSecretRef() != null) {
      e.getSecretRef().setName(n.apply(ConfigRef.SECRET, e.getSecretRef().getName(), e.getSecretRef().getOptional()));
    }
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private record Renamer(Consumer<ConfigRef> seen, Function<ConfigRef, String> rename) {
    String apply(String kind, String name, Boolean optional) {
      if (name == null) {
        return null;
      }
      ConfigRef r = new ConfigRef(kind, name, Boolean.TRUE.equals(optional));
      seen.accept(r);
      return rename.apply(r);
    }
  }
}
