package dev.canarykit.k8s.workload;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.model.ServiceSpec.CustomMetadata;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The apex, primary and canary ClusterIP services (docs/flagger-compatibility.md §4.1). An existing service gets its
 * ports (nodePorts kept) and selector updated; its labels and annotations only when this Canary owns it.
 */
final class Services {
  private final Writer writer;

  Services(Writer writer) {
    this.writer = writer;
  }

  /**
   * What a Service was last found in sync with: the inputs of its desired state and its own version. The same
   * inputs and version again mean it is still in sync, without building the desired Service.
   */
  private record InSync(ServiceSpec service, CustomMetadata meta, String label, String selectorValue,
      String targetVersion, String ownerUid, String serviceVersion) {}

  private final Map<String, InSync> inSync = new ConcurrentHashMap<>();
  private final AtomicLong computed = new AtomicLong();

  /** Creates or updates service {@code name} selecting {@code label=selectorValue}. */
  void reconcile(Canary canary, String name, SelectorLabel label, String selectorValue, CustomMetadata meta,
      Deployment target, Optional<CanaryResource> owner) {
    Optional<Service> existing = writer.reader().get(Service.class, canary.namespace(), name);
    String key = canary.namespace() + "/" + name;
    InSync fingerprint = existing.map(s -> new InSync(canary.spec().service(), meta, label.key(), selectorValue,
        version(target), owner.map(o -> o.getMetadata().getUid()).orElse(""), version(s))).orElse(null);
    if (fingerprint != null && fingerprint.equals(inSync.get(key))) {
      return;
    }
    inSync.remove(key);
    computed.incrementAndGet();
    PodSpec pod = target.getSpec().getTemplate().getSpec();
    Service desired = desired(canary, name, label, selectorValue, meta, pod, owner);
    if (existing.isEmpty()) {
      writer.create(desired);
      return;
    }
    boolean managed = Metadata.ownedBy(existing.get(), owner);
    if (!differs(existing.get(), desired, managed)) {
      if (fingerprint.targetVersion() != null && fingerprint.serviceVersion() != null) {
        inSync.put(key, fingerprint);
      }
      return;
    }
    List<String> paths = new ArrayList<>(List.of("/spec/ports", "/spec/selector"));
    if (managed) {
      paths.addAll(List.of("/metadata/labels", "/metadata/annotations"));
    }
    writer.edit(Service.class, canary.namespace(), name, paths, s -> apply(s, desired, managed));
  }

  /** How many times a desired Service was built and compared (for tests: an idle tick builds none). */
  long computed() {
    return computed.get();
  }

  /** uid and resourceVersion, or {@code null} without a resourceVersion (never treated as unchanged). */
  private static String version(io.fabric8.kubernetes.api.model.HasMetadata o) {
    String rv = o.getMetadata().getResourceVersion();
    return rv == null ? null : o.getMetadata().getUid() + "/" + rv;
  }

  private static Service apply(Service s, Service desired, boolean managed) {
    s.getSpec().setPorts(ServicePorts.keepNodePorts(desired.getSpec().getPorts(), s.getSpec().getPorts()));
    s.getSpec().setSelector(desired.getSpec().getSelector());
    if (managed) {
      Map<String, String> labels = new TreeMap<>(Metadata.orEmpty(s.getMetadata().getLabels()));
      labels.putAll(desired.getMetadata().getLabels());
      s.getMetadata().setLabels(labels);
      Map<String, String> annotations = new TreeMap<>(Metadata.orEmpty(s.getMetadata().getAnnotations()));
      annotations.putAll(desired.getMetadata().getAnnotations());
      s.getMetadata().setAnnotations(annotations);
    }
    return s;
  }

  private static boolean differs(Service s, Service desired, boolean managed) {
    List<ServicePort> want = ServicePorts.keepNodePorts(desired.getSpec().getPorts(), s.getSpec().getPorts());
    boolean spec = !want.equals(s.getSpec().getPorts())
        || !desired.getSpec().getSelector().equals(s.getSpec().getSelector());
    return spec || managed && (!contains(s.getMetadata().getLabels(), desired.getMetadata().getLabels())
        || !contains(s.getMetadata().getAnnotations(), desired.getMetadata().getAnnotations()));
  }

  private static boolean contains(Map<String, String> have, Map<String, String> want) {
    return Metadata.orEmpty(have).entrySet().containsAll(want.entrySet());
  }

  private static Service desired(Canary canary, String name, SelectorLabel label, String selectorValue,
      CustomMetadata meta, PodSpec pod, Optional<CanaryResource> owner) {
    Map<String, String> labels = new TreeMap<>(Map.of(label.key(), name));
    labels.putAll(meta.labels());
    var spec = canary.spec().service();
    return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(canary.namespace())
        .withLabels(labels).withAnnotations(Metadata.annotations(meta.annotations()))
        .withOwnerReferences(Metadata.owners(owner)).endMetadata()
        .withNewSpec().withType("ClusterIP").withClusterIP(spec.headless() ? "None" : null)
        .withSelector(Map.of(label.key(), selectorValue)).withPorts(ServicePorts.of(spec, pod)).endSpec().build();
  }
}
