package dev.canarykit.k8s.controller;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command.Workload;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.workload.KubernetesWorkloadStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flagger's finalizer {@value #FINALIZER} and {@code revertOnDeletion} (docs/flagger-compatibility.md §3.7), for the
 * {@link CanaryController} and for controllers of your own. The finalizer is present exactly while
 * {@code revertOnDeletion} is on ({@link #reconcile}). A Canary marked for deletion with the finalizer is taken
 * apart in passes that never block a thread ({@link #finalizeIfDeleted}): phase Terminating (event "Terminating
 * canary"), the target scaled back to the primary's replicas, then, once the target is ready (a later pass when it
 * is not), the apex service and the routing restored ({@link #revert}), the finalizer removed (event "Terminated
 * canary") and phase Terminated written if the object still exists.
 *
 * <p>Give it a workload store that reads the API server ({@code KubernetesWorkloadStore.builder(client).build()}):
 * right after scaling the target, a cache could still show the old spec as ready. A framework that manages its
 * own finalizer (a Java Operator SDK {@code Cleaner}) calls only {@link #revert} from its cleanup, until it answers
 * true, and never {@link #reconcile}:
 *
 * <pre>{@code
 * CanaryFinalizer finalizer = CanaryFinalizer.create(client, workloads, router, events, statuses, clock);
 * if (canary.spec().revertOnDeletion() && !finalizer.revert(canary)) {
 *   return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(3));
 * }
 * return DeleteControl.defaultDelete();
 * }</pre>
 */
public final class CanaryFinalizer {
  /** Flagger's finalizer. */
  public static final String FINALIZER = "finalizer.flagger.app";
  private static final Logger LOG = LoggerFactory.getLogger(CanaryFinalizer.class);

  /** What a pass did. */
  public enum Pass {
    /** The Canary is not being deleted: tick it. */
    NOT_DELETED,
    /** The Canary is finalized (or needed nothing): do not tick it. */
    DONE,
    /** Not finished (the target is not ready, or a step failed): run another pass later. */
    RETRY
  }

  private final KubernetesClient client;
  private final KubernetesWorkloadStore workloads;
  private final TrafficRouter router;
  private final EventSink events;
  private final StatusStore statuses;
  private final Clock clock;

  private CanaryFinalizer(KubernetesClient client, KubernetesWorkloadStore workloads, TrafficRouter router,
      EventSink events, StatusStore statuses, Clock clock) {
    this.client = client;
    this.workloads = workloads;
    this.router = router;
    this.events = events;
    this.statuses = statuses;
    this.clock = clock;
  }

  /**
   * A finalizer on these adapters: {@code client} (owned by the caller) patches the Canary's finalizers,
   * {@code workloads} scales the target and restores the apex service, {@code router} restores the routing,
   * {@code events} gets the Terminating and Terminated events, {@code statuses} the Terminating and Terminated
   * phases; {@code clock} times the readiness check.
   */
  public static CanaryFinalizer create(KubernetesClient client, KubernetesWorkloadStore workloads,
      TrafficRouter router, EventSink events, StatusStore statuses, Clock clock) {
    return new CanaryFinalizer(java.util.Objects.requireNonNull(client, "client == null"),
        java.util.Objects.requireNonNull(workloads, "workloads == null"),
        java.util.Objects.requireNonNull(router, "router == null"),
        java.util.Objects.requireNonNull(events, "events == null"),
        java.util.Objects.requireNonNull(statuses, "statuses == null"),
        java.util.Objects.requireNonNull(clock, "clock == null"));
  }

  /** Adds or removes the finalizer to match {@code revertOnDeletion}; writes only when it must change. */
  public void reconcile(CanaryResource r, Canary canary) {
    boolean want = canary.spec().revertOnDeletion();
    if (r.getMetadata().getDeletionTimestamp() == null && has(r) != want) {
      set(r, want);
    }
  }

  /**
   * Runs one pass over a Canary marked for deletion; {@link Pass#NOT_DELETED} for any other. {@code r} may come
   * from a cache: a pass that would revert first reads the Canary from the API server and reverts only while the
   * finalizer is still there, so a cache that has not yet seen the finalizer's removal never repeats a revert.
   */
  public Pass finalizeIfDeleted(CanaryResource r, Canary canary) {
    if (r.getMetadata().getDeletionTimestamp() == null) {
      return Pass.NOT_DELETED;
    }
    if (!has(r)) {
      return Pass.DONE;
    }
    try {
      CanaryResource fresh = resource(r).get();
      if (fresh == null || !has(fresh)) {
        return Pass.DONE;
      }
      return revert(canary) ? finish(r, canary) : Pass.RETRY;
    } catch (RuntimeException e) {
      LOG.warn("finalizing canary {} failed, retrying: {}", canary.qualifiedName(), e.getMessage());
      return Pass.RETRY;
    }
  }

  /**
   * One revert pass for a Canary being deleted: phase Terminating (once, with its event), the target scaled back to
   * the primary's replicas, and once the target is ready the apex service's selector and the routing restored.
   *
   * @return true when everything is reverted and the finalizer may be removed; false when a later pass must
   *     continue (the target is not ready yet, or a step failed and was logged)
   */
  public boolean revert(Canary canary) {
    if (!terminating(canary)) {
      return false;
    }
    if (failed("revert target", workloads.revertTarget(canary), canary)) {
      return false;
    }
    var analysis = canary.spec().analysisOrEmpty();
    Outcome.Readiness ready = workloads.readiness(canary, Workload.CANARY, analysis.canaryReadyThresholdOrDefault(),
        Duration.ofSeconds(canary.spec().progressDeadlineOrDefault()), clock.instant());
    if (ready.state() != Outcome.Readiness.State.READY) {
      LOG.info("canary {} not ready during finalizing: {}", canary.qualifiedName(), ready.message());
      return false;
    }
    return !failed("revert apex service", workloads.revertApexService(canary), canary)
        && !failed("revert routing", router.revert(canary), canary);
  }

  /**
   * Writes phase Terminating (and its event) unless already written; false when the write did not land. Read from
   * the source of truth: passes are rare, and a lagging cache would only turn the write into a conflict.
   */
  private boolean terminating(Canary canary) {
    StatusRead read = statuses.readLatest(canary.namespace(), canary.name());
    if (!(read instanceof StatusRead.Current current)) {
      LOG.warn("canary {} status not read: {}", canary.qualifiedName(), ((StatusRead.Failed) read).message());
      return false;
    }
    if (current.status().phase() == Phase.TERMINATING) {
      return true;
    }
    if (!(write(canary, current, Phase.TERMINATING) instanceof StatusWrite.Written)) {
      return false;
    }
    events.event(canary, CanaryEvent.info("Terminating canary " + canary.qualifiedName()));
    return true;
  }

  private Pass finish(CanaryResource r, Canary canary) {
    if (!set(r, false)) {
      return Pass.DONE;
    }
    events.event(canary, CanaryEvent.info("Terminated canary " + canary.qualifiedName()));
    // the object may linger (another finalizer): phase Terminated on its latest status; gone, nothing to write
    if (statuses.readLatest(canary.namespace(), canary.name()) instanceof StatusRead.Current current) {
      write(canary, current, Phase.TERMINATED);
    }
    return Pass.DONE;
  }

  /** Flagger's SetStatusPhase for the terminal phases: weight and iterations zeroed, time stamped. */
  private StatusWrite write(Canary canary, StatusRead.Current current, Phase phase) {
    CanaryStatus next = current.status().toBuilder().phase(phase).canaryWeight(0).iterations(0)
        .lastTransitionTime(clock.instant()).build();
    StatusWrite w = statuses.write(canary, current.version(), next);
    if (!(w instanceof StatusWrite.Written)) {
      LOG.warn("canary {} phase {} not written: {}", canary.qualifiedName(), phase.wireName(), w);
    }
    return w;
  }

  private static boolean failed(String step, Outcome o, Canary canary) {
    if (o instanceof Outcome.Failed f) {
      LOG.warn("finalizing canary {}: {} failed: {}", canary.qualifiedName(), step, f.message());
      return true;
    }
    return false;
  }

  private static boolean has(CanaryResource r) {
    return r.getMetadata().getFinalizers() != null && r.getMetadata().getFinalizers().contains(FINALIZER);
  }

  /**
   * Adds or removes the finalizer with a JSON Patch guarded by the resourceVersion read, retried from a fresh
   * read on conflict; false when the Canary is already gone.
   */
  private boolean set(CanaryResource r, boolean present) {
    var resource = resource(r);
    for (int attempt = 1; ; attempt++) {
      CanaryResource fresh = resource.get();
      if (fresh == null) {
        return false;
      }
      List<String> have = fresh.getMetadata().getFinalizers() == null ? List.of()
          : fresh.getMetadata().getFinalizers();
      List<String> want = new ArrayList<>(have);
      want.remove(FINALIZER);
      if (present) {
        want.add(FINALIZER);
      }
      if (want.equals(have)) {
        return true;
      }
      try {
        resource.patch(PatchContext.of(PatchType.JSON), patch(fresh.getMetadata().getResourceVersion(), want));
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return false;
        }
        if (e.getCode() != 409 || attempt >= 4) {
          throw e;
        }
      }
    }
  }

  private io.fabric8.kubernetes.client.dsl.Resource<CanaryResource> resource(CanaryResource r) {
    return client.resources(CanaryResource.class).inNamespace(r.getMetadata().getNamespace())
        .withName(r.getMetadata().getName());
  }

  private static String patch(String version, List<String> finalizers) {
    var json = JsonNodeFactory.instance;
    var list = json.arrayNode();
    finalizers.forEach(list::add);
    return json.arrayNode()
        .add(json.objectNode().put("op", "replace").put("path", "/metadata/resourceVersion").put("value", version))
        .add(json.objectNode().put("op", "add").put("path", "/metadata/finalizers").set("value", list))
        .toString();
  }
}
