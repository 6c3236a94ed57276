package dev.canarykit.examples.scale;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.WorkloadStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every canary's target and primary in memory, always ready: the least a workload store can cost, so that the
 * in-memory mode measures the driver and the scheduling. (The core's {@code InMemoryWorkloadStore} holds one canary
 * and logs every call, which would grow the heap being measured.)
 */
final class MemoryWorkloads implements WorkloadStore {
  private static final String FIRST_REVISION = "v1";
  private final Map<String, Revisions> fleet = new ConcurrentHashMap<>();

  /** Gives the target of {@code namespace/name} a new revision, as a new image would. */
  void release(String namespace, String name, String revision) {
    revisions(namespace + "/" + name).target = revision;
  }

  @Override
  public Outcome.RevisionResult observeTarget(Canary canary) {
    return new Outcome.Revision(revisions(canary).target, Map.of());
  }

  @Override
  public Outcome.OkResult reconcileServices(Canary canary) {
    return Outcome.OK;
  }

  @Override
  public Outcome.OkResult ensurePrimary(Canary canary) {
    Revisions r = revisions(canary);
    if (r.primary == null) {
      r.primary = r.target;
    }
    return Outcome.OK;
  }

  @Override
  public Outcome.Readiness readiness(
      Canary canary, Command.Workload workload, int thresholdPercent, Duration progressDeadline, Instant now) {
    return Outcome.Readiness.READY;
  }

  @Override
  public Outcome.OkResult reconcileAutoscaler(Canary canary, boolean allowUpdate) {
    return Outcome.OK;
  }

  @Override
  public Outcome.OkResult reconcileApexService(Canary canary) {
    return Outcome.OK;
  }

  @Override
  public Outcome.OkResult scaleToZero(Canary canary) {
    return Outcome.OK;
  }

  @Override
  public Outcome.OkResult scaleFromZero(Canary canary) {
    return Outcome.OK;
  }

  @Override
  public Outcome.OkResult promote(Canary canary) {
    Revisions r = revisions(canary);
    r.primary = r.target;
    return Outcome.OK;
  }

  @Override
  public Outcome.OkResult revert(Canary canary) {
    return Outcome.OK;
  }

  private Revisions revisions(Canary canary) {
    return revisions(canary.namespace() + "/" + canary.name());
  }

  private Revisions revisions(String key) {
    return fleet.computeIfAbsent(key, k -> new Revisions());
  }

  /** One canary's revisions; written by its own ticks (one at a time) and by a release. */
  private static final class Revisions {
    volatile String target = FIRST_REVISION;
    volatile String primary;
  }
}
