package dev.canarykit.k8s.workload;

import dev.canarykit.core.analysis.Command.Workload;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Outcome.Readiness;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.internal.Hashes;
import dev.canarykit.core.port.WorkloadStore;
import dev.canarykit.k8s.cache.ClusterReader;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link WorkloadStore} for Deployment targets (docs/flagger-compatibility.md §3, §4.1): the target, its
 * {@code -primary} copy with tracked ConfigMaps and Secrets, the primary HPA, and the apex, primary and canary
 * services. Reads go through a {@link ClusterReader} (informer caches in the controller, so an idle tick makes no
 * request); every write changes only the fields canarykit owns, skips when nothing differs, and retries on
 * conflict from a fresh read.
 *
 * <pre>{@code
 * WorkloadStore store = KubernetesWorkloadStore.builder(client).build();
 * Outcome revision = store.observeTarget(canary);
 * }</pre>
 *
 * <p>Failures come back as {@link Outcome.Failed} with an event text; nothing is thrown. The client belongs to
 * the caller and is never closed.
 */
public final class KubernetesWorkloadStore implements WorkloadStore {
  private final Writer writer;
  private final Options options;
  private final ConfigTracker tracker;
  private final ConfigCopies copies;
  private final Services services;
  private final PrimaryAutoscaler autoscaler;
  private final Targets targets;
  /** The pod-template hash of each target, until the target changes. */
  private final VersionMemo<String> templateHashes = new VersionMemo<>();
  /** The checksum of each tracked ConfigMap and Secret, until it changes. */
  private final VersionMemo<String> configChecksums = new VersionMemo<>();

  private KubernetesWorkloadStore(KubernetesClient client, ClusterReader reader, Options options) {
    this.writer = new Writer(client, reader);
    this.options = options;
    this.tracker = new ConfigTracker(reader);
    this.copies = new ConfigCopies(writer, options);
    this.services = new Services(writer);
    this.autoscaler = new PrimaryAutoscaler(writer);
    this.targets = new Targets(writer, options);
  }

  /** A builder for a store writing through {@code client} (owned by the caller). */
  public static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  /** How many pod-template hashes and Service comparisons were computed rather than reused (for tests). */
  long[] computed() {
    return new long[] {templateHashes.computed(), services.computed()};
  }

  @Override
  public Outcome.RevisionResult observeTarget(Canary canary) {
    try {
      Deployment target = targets.target(canary);
      String hash = templateHashes.get(target, d -> Hashes.of(writer.client().getKubernetesSerialization()
          .convertValue(d.getSpec().getTemplate(), Map.class)));
      Map<String, HasMetadata> tracked = tracker.tracked(target.getSpec().getTemplate().getSpec(),
          canary.namespace());
      Map<String, String> checksums = new java.util.LinkedHashMap<>();
      tracked.forEach((k, o) -> checksums.put(k, configChecksums.get(o, ConfigTracker::checksum)));
      return new Outcome.Revision(hash, checksums);
    } catch (RuntimeException e) {
      return new Outcome.Failed(message(e));
    }
  }

  @Override
  public Outcome.OkResult reconcileServices(Canary canary) {
    return guard(() -> {
      Deployment target = targets.target(canary);
      SelectorLabel label = targets.label(target);
      String svc = canary.spec().serviceName();
      var spec = canary.spec().service();
      var owner = owner(canary);
      services.reconcile(canary, svc + "-primary", label, label.primaryValue(), spec.primary(), target, owner);
      services.reconcile(canary, svc + "-canary", label, label.value(), spec.canary(), target, owner);
      return Outcome.OK;
    });
  }

  @Override
  public Outcome.OkResult reconcileApexService(Canary canary) {
    return guard(() -> {
      Deployment target = targets.target(canary);
      SelectorLabel label = targets.label(target);
      services.reconcile(canary, canary.spec().serviceName(), label, label.primaryValue(),
          canary.spec().service().apex(), target, owner(canary));
      return Outcome.OK;
    });
  }

  @Override
  public Outcome.OkResult ensurePrimary(Canary canary) {
    return guard(() -> {
      Deployment target = targets.target(canary);
      SelectorLabel label = targets.label(target);
      if (targets.primary(canary).isPresent()) {
        return Outcome.OK;
      }
      var tracked = tracker.tracked(target.getSpec().getTemplate().getSpec(), canary.namespace());
      copies.sync(tracked, owner(canary));
      writer.create(PrimaryDeployment.create(writer.client().getKubernetesSerialization(), target, label, options,
          tracked.keySet(), owner(canary)));
      return Outcome.OK;
    });
  }

  @Override
  public Readiness readiness(Canary canary, Workload workload, int thresholdPercent, Duration progressDeadline,
      Instant now) {
    String name = canary.spec().targetRef().name() + (workload == Workload.PRIMARY ? "-primary" : "");
    String prefix = workload == Workload.PRIMARY ? name + "." + canary.namespace() + " not ready: "
        : "canary deployment " + name + "." + canary.namespace() + " not ready: ";
    try {
      Optional<Deployment> d = writer.reader().get(Deployment.class, canary.namespace(), name);
      if (d.isEmpty()) {
        return Readiness.waiting(prefix + "deployment " + name + "." + canary.namespace() + " not found");
      }
      Readiness r = DeploymentReadiness.check(d.get(), thresholdPercent, progressDeadline, now);
      return r.state() == Readiness.State.READY ? r : new Readiness(r.state(), prefix + r.message());
    } catch (RuntimeException e) {
      return Readiness.waiting(prefix + message(e));
    }
  }

  @Override
  public Outcome.OkResult reconcileAutoscaler(Canary canary, boolean allowUpdate) {
    return guard(() -> {
      String error = autoscaler.reconcile(canary, allowUpdate, owner(canary));
      return error == null ? Outcome.OK : new Outcome.Failed(error);
    });
  }

  @Override
  public Outcome.OkResult scaleToZero(Canary canary) {
    return guard(() -> {
      targets.scaleTarget(canary, 0);
      return Outcome.OK;
    });
  }

  @Override
  public Outcome.OkResult scaleFromZero(Canary canary) {
    return guard(() -> {
      Deployment target = targets.target(canary);
      if (target.getSpec().getReplicas() == null || target.getSpec().getReplicas() > 0) {
        return Outcome.OK;
      }
      targets.scaleTarget(canary, fromZeroReplicas(canary));
      return Outcome.OK;
    });
  }

  private int fromZeroReplicas(Canary canary) {
    if (canary.spec().autoscalerRef() == null) {
      return targets.primary(canary).map(p -> p.getSpec().getReplicas()).filter(r -> r != null && r > 0).orElse(1);
    }
    return autoscaler.primaryMin(canary).filter(m -> m > 1).orElse(1);
  }

  @Override
  public Outcome.OkResult promote(Canary canary) {
    return guard(() -> {
      Deployment target = targets.target(canary);
      SelectorLabel label = targets.label(target);
      String primary = canary.spec().targetRef().name() + "-primary";
      if (targets.primary(canary).isEmpty()) {
        return new Outcome.Failed("deployment " + primary + "." + canary.namespace() + " not found");
      }
      var tracked = tracker.tracked(target.getSpec().getTemplate().getSpec(), canary.namespace());
      copies.sync(tracked, owner(canary));
      boolean copyReplicas = canary.spec().autoscalerRef() == null;
      writer.edit(Deployment.class, canary.namespace(), primary, PrimaryDeployment.promotedPaths(), p -> {
        PrimaryDeployment.promote(writer.client().getKubernetesSerialization(), p, target, label, options,
            tracked.keySet(), copyReplicas);
        return p;
      });
      return Outcome.OK;
    });
  }

  /** Restores the target, then the apex service (docs/flagger-compatibility.md §3.7); see the two steps below. */
  @Override
  public Outcome.OkResult revert(Canary canary) {
    Outcome.OkResult target = revertTarget(canary);
    return target instanceof Outcome.Failed ? target : revertApexService(canary);
  }

  /**
   * Sets the target's replicas to the primary's ({@code 1} when the primary has none set), or scales it up from
   * zero (§3.4) when the primary is gone: the first step of a revert on deletion.
   *
   * @return {@link Outcome#OK} or failed
   */
  public Outcome.OkResult revertTarget(Canary canary) {
    return guard(() -> {
      Optional<Deployment> primary = targets.primary(canary);
      if (primary.isEmpty()) {
        return scaleFromZero(canary);
      }
      Integer replicas = primary.get().getSpec().getReplicas();
      targets.scaleTarget(canary, replicas == null ? 1 : replicas);
      return Outcome.OK;
    });
  }

  /**
   * Points an apex service that no Canary owns back at the target's pods: the selector of its kubectl
   * last-applied configuration, else {@code {label: V}}; a service owned by a Canary is left to garbage
   * collection. The last step of a revert on deletion, after the target is ready.
   *
   * @return {@link Outcome#OK} or failed
   */
  public Outcome.OkResult revertApexService(Canary canary) {
    return guard(() -> {
      targets.restoreApex(canary, targets.label(targets.target(canary)), owner(canary));
      return Outcome.OK;
    });
  }

  private Optional<CanaryResource> owner(Canary canary) {
    return writer.reader().get(CanaryResource.class, canary.namespace(), canary.name());
  }

  private static Outcome.OkResult guard(Supplier<Outcome.OkResult> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return new Outcome.Failed(message(e));
    }
  }

  static String message(RuntimeException e) {
    return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
  }

  /** Builds a {@link KubernetesWorkloadStore}. */
  public static final class Builder {
    private final KubernetesClient client;
    private ClusterReader reader;
    private List<String> selectorLabels = Options.DEFAULT_SELECTOR_LABELS;
    private List<String> includeLabelPrefixes = List.of();

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
    }

    /** Where objects are read from; default direct GETs through the client. */
    public Builder reader(ClusterReader v) {
      reader = Objects.requireNonNull(v, "reader == null");
      return this;
    }

    /** Selector label keys in lookup order; default {@code app, name, app.kubernetes.io/name}. */
    public Builder selectorLabels(List<String> v) {
      if (v.isEmpty()) {
        throw new IllegalArgumentException("selectorLabels must not be empty");
      }
      selectorLabels = List.copyOf(v);
      return this;
    }

    /** Label prefixes copied from the target to the primary ({@code *} for all); default none. */
    public Builder includeLabelPrefixes(List<String> v) {
      includeLabelPrefixes = List.copyOf(v);
      return this;
    }

    /** Builds the store. */
    public KubernetesWorkloadStore build() {
      return new KubernetesWorkloadStore(client, reader == null ? ClusterReader.direct(client) : reader,
          new Options(selectorLabels, includeLabelPrefixes));
    }
  }
}
