package dev.canarykit.k8s.controller;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.PortCalls;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limit on concurrent analyses across the replicas of a shard group: {@code limit} slots, each a Lease
 * ({@link SlotLeases}) held by a Canary (not by a replica: a canary keeps its slot when its shard moves). The
 * waiting canaries form one queue for the whole group, read from each replica's informer ({@link ClusterQueue}),
 * ordered by when they joined it.
 *
 * <p>A canary about to start its run is admitted when a slot Lease names it already (a take-over, a restart), or
 * when it claims a free one; it claims only when fewer of the waiting canaries arrived before it than there are
 * free slots, so a canary that ticks first never overtakes one that arrived earlier on another replica. Free means
 * that the slots held plus the canaries the cache shows in analysis (also those without a slot: a limit lowered or
 * enabled during their run) are fewer than the limit, and that a slot Lease is free: absent, empty, or leaked.
 * Leaked: its holder is, per the cache, gone or not in analysis, and the Lease has not changed for {@code grace} on
 * this replica's monotonic clock ({@link LeaseObservations}), which is longer than a tick may take from the claim
 * to its status write, so a canary admitted but not yet started is not robbed.
 *
 * <p>Requests: none while the cache shows the slots taken, none on idle ticks; a waiting or starting canary lists
 * the slots once per tick and claims or renews one; a run that ends frees its slot (a list first when this replica
 * did not claim it). A request that fails keeps the canary queued (logged once per outage, counted). Thread-safe.
 */
final class SharedAnalysisGate implements SlotGate {
  private static final Logger LOG = LoggerFactory.getLogger(SharedAnalysisGate.class);

  /** The slot a canary ticked here holds: its Lease and version, or both null when not looked up yet. */
  private record Slot(String lease, String version) {}

  private static final Slot UNKNOWN = new Slot(null, null);

  private final int limit;
  private final SlotLeases leases;
  private final Duration grace;
  private final ControllerListener listener;
  private final Executor offInformer;
  private final PortCalls calls;
  private final ClusterQueue cluster = new ClusterQueue();
  private final LeaseObservations observations = new LeaseObservations();
  private final Map<String, Slot> held = new ConcurrentHashMap<>();
  /** Admitted since their last settled tick: they keep the slot even if that tick did not start the run. */
  private final Set<String> fresh = ConcurrentHashMap.newKeySet();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicBoolean failing = new AtomicBoolean();

  /**
   * {@code limit} slots in {@code leases}, a leaked one reclaimed after {@code grace}; a deleted canary's slot is
   * freed on {@code offInformer}, and a tick's requests after the machine ran go through {@code calls}.
   */
  SharedAnalysisGate(int limit, SlotLeases leases, Duration grace, ControllerListener listener,
      Executor offInformer, PortCalls calls) {
    this.limit = limit;
    this.calls = calls;
    this.leases = leases;
    this.grace = grace;
    this.listener = listener;
    this.offInformer = offInformer;
  }

  @Override
  public Outcome.SlotResult acquire(Canary canary) {
    String key = canary.namespace() + "/" + canary.name();
    try {
      if (renewHeld(key)) {
        return admitted(key);
      }
      int ahead = ahead(cluster.queue(), key, Set.of());
      if (ahead >= limit - cluster.analysing().size()) {
        return queued(canary, ahead); // the cache shows no slot for it: no request
      }
      return claim(canary, key, leases.list());
    } catch (RuntimeException e) {
      failed(key, e);
      return queued(canary, ahead(cluster.queue(), key, Set.of()));
    }
  }

  /** Renews the slot {@code key} holds, as known here; whether it still holds it. */
  private boolean renewHeld(String key) {
    Slot s = held.get(key);
    if (s == null || s.lease() == null) {
      return false;
    }
    Lease l = leases.renew(s.lease(), s.version());
    if (l == null) {
      held.remove(key);
      return false;
    }
    held.put(key, new Slot(s.lease(), l.getMetadata().getResourceVersion()));
    return true;
  }

  /** Decides from the slot Leases {@code slots}: adopts the one naming {@code key}, claims a free one, or waits. */
  private Outcome.SlotResult claim(Canary canary, String key, Map<String, Lease> slots) {
    recovered();
    Set<String> busy = cluster.analysing();
    List<String> free = new ArrayList<>();
    Lease own = null;
    long now = System.nanoTime();
    synchronized (observations) {
      for (Lease l : slots.values()) {
        String name = l.getMetadata().getName();
        String holder = LeaseWrites.holder(l);
        boolean unchanged = observations.expired(name, l.getMetadata().getResourceVersion(), holder, grace, now);
        if (key.equals(holder)) {
          own = l;
        } else if (holder != null && !holder.isEmpty() && !(unchanged && !cluster.analyses(holder))) {
          busy.add(holder);
        } else if (leases.slot(name) < limit) {
          free.add(name);
        }
      }
      observations.retain(slots.keySet());
    }
    if (own != null) {
      return adopt(canary, key, own);
    }
    for (int i = 0; i < limit; i++) {
      if (!slots.containsKey(leases.slotLease(i))) {
        free.add(leases.slotLease(i));
      }
    }
    free.sort(java.util.Comparator.comparingInt(leases::slot));
    int ahead = ahead(cluster.queue(), key, busy);
    if (ahead >= Math.min(limit - busy.size(), free.size())) {
      return queued(canary, ahead);
    }
    String name = free.get(ahead);
    Lease current = slots.get(name);
    Lease taken = leases.claim(name, current, key);
    if (taken == null) {
      return queued(canary, ahead); // another replica won this slot: next tick
    }
    if (current != null && LeaseWrites.holder(current) != null && !LeaseWrites.holder(current).isEmpty()) {
      LOG.info("analysis slot {} held by {}, which is not in analysis, unchanged for {}: reclaimed for {}", name,
          LeaseWrites.holder(current), grace, key);
    }
    held.put(key, new Slot(name, taken.getMetadata().getResourceVersion()));
    listener.analysisAdmitted(canary.namespace(), canary.name());
    return admitted(key);
  }

  /** {@code key}'s slot Lease {@code own} (a take-over, a restart): renewed, so no one reclaims it meanwhile. */
  private Outcome.SlotResult adopt(Canary canary, String key, Lease own) {
    String name = own.getMetadata().getName();
    Lease l = leases.renew(name, own.getMetadata().getResourceVersion());
    if (l == null) {
      return queued(canary, ahead(cluster.queue(), key, Set.of()));
    }
    held.put(key, new Slot(name, l.getMetadata().getResourceVersion()));
    return admitted(key);
  }

  private Outcome.SlotResult admitted(String key) {
    fresh.add(key);
    return new Outcome.Admitted();
  }

  private Outcome.SlotResult queued(Canary canary, int ahead) {
    listener.analysisQueued(canary.namespace(), canary.name(), ahead + 1);
    return new Outcome.Queued(ahead + 1, limit);
  }

  /**
   * How many waiting canaries arrived before {@code key} (all of them when it is not waiting yet: it arrives
   * now), leaving out those in {@code holders} (admitted, their status not seen yet).
   */
  private static int ahead(List<String> queue, String key, Collection<String> holders) {
    int n = 0;
    for (String k : queue) {
      if (k.equals(key)) {
        return n;
      }
      if (!holders.contains(k)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void settle(String key, CanaryStatus status) {
    boolean admittedThisTick = fresh.remove(key);
    if (AnalysisGate.ANALYSING.contains(status.phase())) {
      held.putIfAbsent(key, UNKNOWN);
    } else if (!admittedThisTick) {
      free(key);
    }
  }

  @Override
  public void forget(String key) {
    fresh.remove(key);
    free(key);
  }

  /** Frees the slot {@code key} holds (looking it up when not known here); kept for the next tick on failure. */
  private void free(String key) {
    if (held.containsKey(key)) {
      calls.call(() -> {
        freeNow(key);
        return null;
      });
    }
  }

  private void freeNow(String key) {
    Slot s = held.get(key);
    if (s == null) {
      return;
    }
    try {
      if (s.lease() == null) {
        s = lookUp(key);
      }
      if (s != null) {
        leases.free(s.lease(), s.version());
      }
      held.remove(key);
      recovered();
    } catch (RuntimeException e) {
      failed(key, e);
    }
  }

  /** The slot Lease naming {@code key}, or null. */
  private Slot lookUp(String key) {
    for (Lease l : leases.list().values()) {
      if (key.equals(LeaseWrites.holder(l))) {
        return new Slot(l.getMetadata().getName(), l.getMetadata().getResourceVersion());
      }
    }
    return null;
  }

  @Override
  public void handOver(String key) {
    held.remove(key);
    fresh.remove(key);
  }

  /**
   * The canaries taken over that analyse or wait may hold a slot this replica has not claimed (their shard moved,
   * this replica restarted): their slot is looked up when their run ends or they stop waiting, since their first
   * tick here may already end the run.
   */
  @Override
  public void takeOver(Map<String, CanaryStatus> statuses) {
    statuses.forEach((key, status) -> {
      if (AnalysisGate.ANALYSING.contains(status.phase()) || AnalysisGate.queued(status)) {
        held.putIfAbsent(key, UNKNOWN);
      }
    });
  }

  @Override
  public void clear() {
    held.clear();
    fresh.clear();
  }

  @Override
  public void observed(String key, java.util.function.Supplier<CanaryStatus> status) {
    cluster.seen(key, status.get());
  }

  /** A deleted canary's slot is freed on another thread: the informer's must not wait on the API server. */
  @Override
  public void deleted(String key) {
    cluster.gone(key);
    if (held.containsKey(key)) {
      try {
        offInformer.execute(() -> forget(key));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        LOG.debug("controller stopping: the slot of deleted canary {} is reclaimed after {}", key, grace);
      }
    }
  }

  /** How many slot requests failed (for tests). */
  long failures() {
    return failures.get();
  }

  /** The canaries ticked here known to hold a slot (for tests). */
  Set<String> holding() {
    return new HashSet<>(held.keySet());
  }

  private void failed(String key, RuntimeException e) {
    failures.incrementAndGet();
    if (failing.compareAndSet(false, true)) {
      LOG.warn("analysis slot request for {} failed, canaries stay queued until the slots answer again: {}", key,
          e.getMessage());
    } else {
      LOG.debug("analysis slot request for {} failed: {}", key, e.getMessage());
    }
  }

  private void recovered() {
    if (failing.compareAndSet(true, false)) {
      LOG.info("analysis slots answer again");
    }
  }
}
