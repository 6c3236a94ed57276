package dev.canarykit.k8s.controller;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.port.WorkloadStore;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The finalizer {@value #FINALIZER} and revertOnDeletion (flagger-behaviour.md §3.7): added while
 * {@code revertOnDeletion} is on, removed when it is turned off; on deletion the target is scaled back up, the apex
 * service and the routing are restored, then the finalizer is removed so Kubernetes can delete the Canary.
 */
final class Finalizers {
  static final String FINALIZER = "finalizer.flagger.app";

  private final KubernetesClient client;
  private final WorkloadStore workloads;
  private final TrafficRouter router;
  private final EventSink events;

  Finalizers(KubernetesClient client, WorkloadStore workloads, TrafficRouter router, EventSink events) {
    this.client = client;
    this.workloads = workloads;
    this.router = router;
    this.events = events;
  }

  /** Adds or removes the finalizer to match {@code revertOnDeletion}; writes only when it must change. */
  void reconcile(CanaryResource r, Canary canary) {
    boolean want = canary.spec().revertOnDeletion();
    if (has(r) != want) {
      set(r, want);
    }
  }

  /**
   * Handles a Canary marked for deletion.
   *
   * @return whether the Canary is being deleted (the tick must not run)
   */
  boolean finalizeIfDeleted(CanaryResource r, Canary canary) {
    if (r.getMetadata().getDeletionTimestamp() == null) {
      return false;
    }
    if (has(r)) {
      events.event(canary, CanaryEvent.info("Terminating canary " + canary.qualifiedName()));
      var w = workloads.revert(canary);
      var t = router.revert(canary);
      if (w instanceof dev.canarykit.core.analysis.Outcome.Failed f) {
        events.event(canary, CanaryEvent.warning(f.message()));
        return true;
      }
      if (t instanceof dev.canarykit.core.analysis.Outcome.Failed f) {
        events.event(canary, CanaryEvent.warning(f.message()));
        return true;
      }
      set(r, false);
      events.event(canary, CanaryEvent.info("Terminated canary " + canary.qualifiedName()));
    }
    return true;
  }

  private static boolean has(CanaryResource r) {
    return r.getMetadata().getFinalizers() != null && r.getMetadata().getFinalizers().contains(FINALIZER);
  }

  private void set(CanaryResource r, boolean present) {
    client.resources(CanaryResource.class).inNamespace(r.getMetadata().getNamespace())
        .withName(r.getMetadata().getName()).edit(c -> {
          List<String> f = new ArrayList<>(c.getMetadata().getFinalizers() == null ? List.of()
              : c.getMetadata().getFinalizers());
          f.remove(FINALIZER);
          if (present) {
            f.add(FINALIZER);
          }
          c.getMetadata().setFinalizers(f);
          return c;
        });
  }
}
