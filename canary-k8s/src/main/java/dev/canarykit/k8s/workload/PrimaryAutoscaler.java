package dev.canarykit.k8s.workload;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec.AutoscalerRef;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The primary HorizontalPodAutoscaler {@code <hpa>-primary} (docs/flagger-compatibility.md §3.6), always through
 * {@code autoscaling/v2}; {@code autoscaling/v2beta2} references are read through v2 as well. Created when
 * missing, updated only when allowed (promotion) and when min, max, metrics, behavior, labels or annotations
 * differ.
 */
final class PrimaryAutoscaler {
  static final String KIND = "HorizontalPodAutoscaler";
  private static final List<String> PATHS = List.of("/metadata/labels", "/metadata/annotations",
      "/spec/minReplicas", "/spec/maxReplicas", "/spec/metrics", "/spec/behavior");

  private final Writer writer;

  PrimaryAutoscaler(Writer writer) {
    this.writer = writer;
  }

  /** Reconciles; returns an error text or {@code null}. */
  String reconcile(Canary canary, boolean allowUpdate, Optional<CanaryResource> owner) {
    AutoscalerRef ref = canary.spec().autoscalerRef();
    if (ref == null) {
      return null;
    }
    if (!KIND.equals(ref.kind())) {
      return "autoscalerRef kind " + ref.kind() + " is not supported; use " + KIND;
    }
    String ns = canary.namespace();
    Optional<HorizontalPodAutoscaler> source = writer.reader().get(HorizontalPodAutoscaler.class, ns, ref.name());
    if (source.isEmpty()) {
      return "HorizontalPodAutoscaler " + ref.name() + "." + ns + " not found";
    }
    HorizontalPodAutoscaler want = desired(canary, source.get(), owner);
    String name = want.getMetadata().getName();
    Optional<HorizontalPodAutoscaler> primary = writer.reader().get(HorizontalPodAutoscaler.class, ns, name);
    if (primary.isEmpty()) {
      writer.create(want);
    } else if (allowUpdate && differs(primary.get(), want)) {
      writer.edit(HorizontalPodAutoscaler.class, ns, name, PATHS, h -> {
        h.getMetadata().setLabels(want.getMetadata().getLabels());
        h.getMetadata().setAnnotations(want.getMetadata().getAnnotations());
        h.getSpec().setMinReplicas(want.getSpec().getMinReplicas());
        h.getSpec().setMaxReplicas(want.getSpec().getMaxReplicas());
        h.getSpec().setMetrics(want.getSpec().getMetrics());
        h.getSpec().setBehavior(want.getSpec().getBehavior());
        return h;
      });
    }
    return null;
  }

  /** The primary HPA's minReplicas, or empty. */
  Optional<Integer> primaryMin(Canary canary) {
    AutoscalerRef ref = canary.spec().autoscalerRef();
    if (ref == null || !KIND.equals(ref.kind())) {
      return Optional.empty();
    }
    return writer.reader().get(HorizontalPodAutoscaler.class, canary.namespace(), ref.name() + "-primary")
        .map(h -> h.getSpec().getMinReplicas());
  }

  private static boolean differs(HorizontalPodAutoscaler have, HorizontalPodAutoscaler want) {
    return !Objects.equals(have.getSpec().getMinReplicas(), want.getSpec().getMinReplicas())
        || !Objects.equals(have.getSpec().getMaxReplicas(), want.getSpec().getMaxReplicas())
        || !Objects.equals(have.getSpec().getMetrics(), want.getSpec().getMetrics())
        || !Objects.equals(have.getSpec().getBehavior(), want.getSpec().getBehavior())
        || !Objects.equals(Metadata.orEmpty(have.getMetadata().getLabels()), want.getMetadata().getLabels())
        || !Objects.equals(Metadata.orEmpty(have.getMetadata().getAnnotations()), want.getMetadata().getAnnotations());
  }

  private static HorizontalPodAutoscaler desired(Canary canary, HorizontalPodAutoscaler source,
      Optional<CanaryResource> owner) {
    AutoscalerRef ref = canary.spec().autoscalerRef();
    HorizontalPodAutoscalerSpec s = source.getSpec();
    var overrides = ref.primaryScalerReplicas();
    HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
    spec.setScaleTargetRef(new CrossVersionObjectReferenceBuilder().withApiVersion(s.getScaleTargetRef().getApiVersion())
        .withKind(s.getScaleTargetRef().getKind()).withName(canary.spec().targetRef().name() + "-primary").build());
    spec.setMinReplicas(overrides != null && overrides.minReplicas() != null ? overrides.minReplicas()
        : s.getMinReplicas());
    spec.setMaxReplicas(overrides != null && overrides.maxReplicas() != null ? overrides.maxReplicas()
        : s.getMaxReplicas());
    spec.setMetrics(s.getMetrics());
    spec.setBehavior(s.getBehavior());
    HorizontalPodAutoscaler h = new HorizontalPodAutoscaler();
    h.setMetadata(new ObjectMetaBuilder().withName(ref.name() + "-primary").withNamespace(canary.namespace())
        .withLabels(Metadata.labels(source.getMetadata().getLabels(), List.of("*")))
        .withAnnotations(Metadata.annotations(source.getMetadata().getAnnotations()))
        .withOwnerReferences(Metadata.owners(owner)).build());
    h.setSpec(spec);
    return h;
  }
}
