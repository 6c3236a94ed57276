package dev.canarykit.k8s.workload;

import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@code -primary} copies of tracked ConfigMaps and Secrets (docs/flagger-compatibility.md §3.3). */
final class ConfigCopies {
  private final Writer writer;
  private final Options options;

  ConfigCopies(Writer writer, Options options) {
    this.writer = writer;
    this.options = options;
  }

  /** Creates or updates the copy of every tracked object; unchanged copies are not written. */
  void sync(Map<String, HasMetadata> tracked, Optional<CanaryResource> owner) {
    tracked.values().forEach(o -> sync(o, owner));
  }

  private void sync(HasMetadata o, Optional<CanaryResource> owner) {
    String ns = o.getMetadata().getNamespace();
    String name = o.getMetadata().getName() + "-primary";
    ObjectMeta meta = new ObjectMetaBuilder().withName(name).withNamespace(ns)
        .withLabels(Metadata.labels(o.getMetadata().getLabels(), options.includeLabelPrefixes()))
        .withOwnerReferences(Metadata.owners(owner)).build();
    if (o instanceof ConfigMap cm) {
      Optional<ConfigMap> have = writer.reader().get(ConfigMap.class, ns, name);
      if (have.isEmpty()) {
        ConfigMap copy = new ConfigMap();
        copy.setMetadata(meta);
        copy.setData(cm.getData());
        copy.setBinaryData(cm.getBinaryData());
        writer.create(copy);
      } else if (!Objects.equals(have.get().getData(), cm.getData())
          || !Objects.equals(have.get().getBinaryData(), cm.getBinaryData())) {
        writer.edit(ConfigMap.class, ns, name, List.of("/data", "/binaryData"), c -> {
          c.setData(cm.getData());
          c.setBinaryData(cm.getBinaryData());
          return c;
        });
      }
    } else {
      Secret s = (Secret) o;
      Optional<Secret> have = writer.reader().get(Secret.class, ns, name);
      if (have.isEmpty()) {
        Secret copy = new Secret();
        copy.setMetadata(meta);
        copy.setType(s.getType());
        copy.setData(s.getData());
        writer.create(copy);
      } else if (!Objects.equals(have.get().getData(), s.getData())) {
        writer.edit(Secret.class, ns, name, List.of("/data"), c -> {
          c.setData(s.getData());
          return c;
        });
      }
    }
  }
}
