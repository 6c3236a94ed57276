package dev.canarykit.examples.demo;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays Kubernetes' Deployment and HPA controllers: for every Deployment created or changed in the namespace, the
 * rollout status (observedGeneration, replicas, updated, ready and available replicas, the Available and
 * Progressing conditions) catches up with the spec after {@code delay}; every HPA's status follows its target, and
 * a target with fewer replicas than {@code minReplicas} (but not zero) is scaled up to it, as the HPA does.
 */
public final class RolloutSimulator implements AutoCloseable {
  private final KubernetesClient client;
  private final String namespace;
  private final Duration delay;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Daemons.named("rollout"));
  private SharedIndexInformer<Deployment> deployments;
  private SharedIndexInformer<HorizontalPodAutoscaler> autoscalers;

  /** Simulates in {@code namespace} through {@code client}, which the caller owns. */
  public RolloutSimulator(KubernetesClient client, String namespace, Duration delay) {
    this.client = client;
    this.namespace = namespace;
    this.delay = delay;
  }

  /** Starts watching. */
  public RolloutSimulator start() {
    deployments = client.apps().deployments().inNamespace(namespace).inform(handler(d -> {
      later(() -> roll(d));
      resyncAutoscalers();
    }));
    autoscalers = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace)
        .inform(handler(h -> later(() -> scale(h))));
    return this;
  }

  /** The Deployment cache this simulator keeps (shared with the mesh). */
  public SharedIndexInformer<Deployment> deployments() {
    return deployments;
  }

  private static <T> ResourceEventHandler<T> handler(java.util.function.Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onChange.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {}
    };
  }

  private void later(Runnable r) {
    timer.schedule(() -> {
      try {
        r.run();
      } catch (KubernetesClientException e) {
        // a conflict or a deleted object: the next change schedules another pass; anything else is worth a line
        if (e.getCode() != 404 && e.getCode() != 409) {
          System.getLogger(RolloutSimulator.class.getName()).log(System.Logger.Level.WARNING,
              "simulated rollout pass failed; the object's next change retries it", e);
        }
      }
    }, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void roll(Deployment seen) {
    var resource = client.apps().deployments().inNamespace(namespace).withName(seen.getMetadata().getName());
    Deployment d = resource.get();
    if (d == null) {
      return;
    }
    DeploymentStatus next = rolledOut(d);
    if (!sameRollout(next, d.getStatus())) {
      d.setStatus(next);
      client.apps().deployments().inNamespace(namespace).resource(d).updateStatus();
    }
  }

  static DeploymentStatus rolledOut(Deployment d) {
    int replicas = replicas(d);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas)
        .withAvailableReplicas(replicas).withUnavailableReplicas(null)
        .withConditions(condition("Available", "MinimumReplicasAvailable", now),
            condition("Progressing", "NewReplicaSetAvailable", now))
        .build();
  }

  private static DeploymentCondition condition(String type, String reason, String now) {
    return new DeploymentConditionBuilder().withType(type).withStatus("True").withReason(reason)
        .withLastUpdateTime(now).withLastTransitionTime(now).build();
  }

  private static boolean sameRollout(DeploymentStatus a, DeploymentStatus b) {
    return b != null && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && Objects.equals(a.getReplicas(), b.getReplicas())
        && Objects.equals(a.getUpdatedReplicas(), b.getUpdatedReplicas())
        && Objects.equals(a.getAvailableReplicas(), b.getAvailableReplicas());
  }

  static int replicas(Deployment d) {
    Integer r = d.getSpec() == null ? null : d.getSpec().getReplicas();
    return r == null ? 1 : r;
  }

  private void scale(HorizontalPodAutoscaler seen) {
    var resource = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace)
        .withName(seen.getMetadata().getName());
    HorizontalPodAutoscaler h = resource.get();
    if (h == null || h.getSpec() == null || h.getSpec().getScaleTargetRef() == null) {
      return;
    }
    String target = h.getSpec().getScaleTargetRef().getName();
    Optional<Deployment> d = Optional.ofNullable(
        client.apps().deployments().inNamespace(namespace).withName(target).get());
    int current = d.map(RolloutSimulator::replicas).orElse(0);
    int min = h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas();
    int desired = current == 0 ? 0 : Math.min(Math.max(current, min), h.getSpec().getMaxReplicas());
    if (d.isPresent() && desired != current) {
      client.apps().deployments().inNamespace(namespace).withName(target).scale(desired);
    }
    HorizontalPodAutoscalerStatus next = new HorizontalPodAutoscalerStatusBuilder()
        .withObservedGeneration(h.getMetadata().getGeneration())
        .withCurrentReplicas(current).withDesiredReplicas(desired).build();
    HorizontalPodAutoscalerStatus now = h.getStatus();
    if (now == null || !Objects.equals(now.getCurrentReplicas(), current)
        || !Objects.equals(now.getDesiredReplicas(), desired)) {
      h.setStatus(next);
      client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).resource(h).updateStatus();
    }
  }

  /** Re-checks every HPA (their targets change without the HPA changing). */
  public void resyncAutoscalers() {
    List<HorizontalPodAutoscaler> all = autoscalers == null ? List.of() : autoscalers.getStore().list();
    all.forEach(h -> later(() -> scale(h)));
  }

  @Override
  public void close() {
    if (deployments != null) {
      deployments.close();
    }
    if (autoscalers != null) {
      autoscalers.close();
    }
    timer.shutdownNow();
  }
}
