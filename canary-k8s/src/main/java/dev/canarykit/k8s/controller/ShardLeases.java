package dev.canarykit.k8s.controller;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds this replica's shards through their Leases (see {@link Sharding}). One thread runs a round every retry
 * period: list the group's Leases, renew those held, keep a presence Lease, give back what exceeds the fair share
 * and take free shards up to it ({@link ShardPlan}). Every write is a JSON Patch guarded by the resourceVersion
 * read, so two replicas never both win a Lease. A held shard whose renewals have not succeeded for the renew
 * deadline is given up by a watchdog on a thread of its own (the round may be stuck in a request): its term ends,
 * so its ticks stop writing, before any other replica can see the Lease expire. Terms end on other threads, since
 * ending one waits for the side effects already running; a shard is given back (or taken again) only once its term
 * has ended.
 */
final class ShardLeases implements AutoCloseable {
  /** The controller's side: holding a shard means ticking its Canaries. */
  interface Owner {
    /** Begins ticking shard {@code shard}; returns what ends that (and returns once nothing of it writes). */
    Runnable acquired(int shard);
  }

  private static final Logger LOG = LoggerFactory.getLogger(ShardLeases.class);
  private static final JsonNodeFactory JSON = LeaseWrites.JSON;
  private static final Duration MIN_REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final int PARALLEL_RENEWALS = 4;

  private final KubernetesClient client;
  private final Sharding sharding;
  private final Owner owner;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
      r -> CanaryController.thread(r, "canarykit-shards"));
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
      r -> CanaryController.thread(r, "canarykit-shards-watchdog"));
  private final ExecutorService enders = Executors.newCachedThreadPool(
      r -> CanaryController.thread(r, "canarykit-shard-end"));
  private final ExecutorService renewals = Executors.newFixedThreadPool(PARALLEL_RENEWALS,
      r -> CanaryController.thread(r, "canarykit-shard-renew"));
  private final LeaseObservations observations = new LeaseObservations();
  /** The shards held, those being given back included (the round's thread only, and close after it). */
  private final Map<Integer, HeldShard> held = new TreeMap<>();
  /** Shards lost or given back whose term has not ended yet: not taken again until it has. */
  private final Map<Integer, HeldShard> ending = new HashMap<>();
  private String presence;
  private String presenceVersion;
  private boolean announced;
  private boolean failing;
  private String otherCount;

  private ShardLeases(KubernetesClient client, Sharding sharding, Owner owner) {
    Duration timeout = sharding.retryPeriod().compareTo(MIN_REQUEST_TIMEOUT) < 0 ? MIN_REQUEST_TIMEOUT
        : sharding.retryPeriod();
    // no retries, a short timeout: a round must not outlast its Leases waiting on a silent API server
    this.client = BoundedRequests.of(client, timeout, 0);
    this.sharding = sharding;
    this.owner = owner;
  }

  /** Starts the rounds for {@code owner}; the client stays the caller's. */
  static ShardLeases start(KubernetesClient client, Sharding sharding, Owner owner) {
    ShardLeases leases = new ShardLeases(client, sharding, owner);
    leases.loop.scheduleWithFixedDelay(leases::round, 0, sharding.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    return leases;
  }

  private void round() {
    try {
      long now = System.nanoTime();
      Map<String, Lease> leases = list();
      if (leases == null) {
        renewAll(); // what is held stays held while the list fails
        return;
      }
      Set<String> live = new TreeSet<>();
      Map<String, Boolean> expired = new HashMap<>();
      leases.forEach((name, l) -> {
        boolean gone = observations.expired(name, l.getMetadata().getResourceVersion(), holder(l), duration(l), now);
        expired.put(name, gone);
        if (!gone) {
          live.add(holder(l));
        }
      });
      observations.retain(leases.keySet());
      dropLost(leases);
      renewAll();
      finishGivingBack();
      keepPresence(leases, expired);
      if (announced && agreeOnShards(leases, expired)) {
        plan(leases, expired, live);
      }
      announced = presence != null;
    } catch (RuntimeException e) {
      LOG.warn("shard round of {} failed", sharding.name(), e);
    }
  }

  private Map<String, Lease> list() {
    try {
      Map<String, Lease> out = client.resources(Lease.class).inNamespace(sharding.leaseNamespace())
          .withLabel(Sharding.GROUP_LABEL, sharding.name()).list().getItems().stream()
          .filter(l -> !l.getMetadata().getName().startsWith(sharding.slotLeasePrefix())) // held by canaries
          .collect(Collectors.toMap(l -> l.getMetadata().getName(), Function.identity(), (a, b) -> a, TreeMap::new));
      if (failing) {
        LOG.info("shard leases of {} readable again", sharding.name());
        failing = false;
      }
      return out;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("cannot list the shard leases of {} in {}: {}", sharding.name(), sharding.leaseNamespace(),
            e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
        failing = true;
      }
      return null;
    }
  }

  /**
   * Whether every live replica of the group counts the shards as this one does. One that counts otherwise draws
   * other shard boundaries: while it lives, this replica takes no shard (it keeps and renews those it holds), so
   * a rolling change of the count never lets two replicas tick one Canary.
   */
  private boolean agreeOnShards(Map<String, Lease> leases, Map<String, Boolean> expired) {
    String mine = String.valueOf(sharding.shards());
    String other = leases.values().stream().filter(l -> !expired.get(l.getMetadata().getName()))
        .filter(l -> !sharding.identity().equals(holder(l)))
        .filter(l -> !mine.equals(annotation(l)) && annotation(l) != null)
        .map(l -> l.getMetadata().getName() + " of " + holder(l) + " counts " + annotation(l))
        .findFirst().orElse(null);
    if (other != null && !other.equals(otherCount)) {
      LOG.error("shard group {}: the Lease {} shards, this replica {}; taking no shard while it lives",
          sharding.name(), other, mine);
    }
    otherCount = other;
    return other == null;
  }

  private static String annotation(Lease l) {
    Map<String, String> a = l.getMetadata().getAnnotations();
    return a == null ? null : a.get(Sharding.SHARDS_ANNOTATION);
  }

  /** Forgets shards whose term ended (renewals failed too long) or whose Lease another replica holds. */
  private void dropLost(Map<String, Lease> leases) {
    ending.values().removeIf(HeldShard::endDone);
    held.values().removeIf(h -> {
      Lease l = leases.get(h.lease);
      boolean taken = l != null && !sharding.identity().equals(holder(l));
      if (taken) {
        LOG.warn("shard {} of {} is held by {}: no longer ticking it", h.shard, sharding.name(), holder(l));
        h.end();
      }
      if (h.ended() && !h.givingBack) {
        ending.put(h.shard, h);
        return true;
      }
      return false;
    });
  }

  /** Renews every held shard, a few at a time: a round must not take longer than the renew deadline. */
  private void renewAll() {
    List<Future<?>> running = new ArrayList<>();
    held.values().forEach(h -> running.add(renewals.submit(() -> renew(h))));
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        LOG.warn("renewing a shard of {} failed", sharding.name(), e.getCause());
      }
    }
  }

  private void renew(HeldShard h) {
    long start = System.nanoTime();
    try {
      Lease l = patch(h.lease, h.version, spec -> spec.put("renewTime", now()).put("holderIdentity",
          sharding.identity()));
      h.renewed(l.getMetadata().getResourceVersion(), start);
    } catch (RuntimeException e) {
      if (e instanceof KubernetesClientException k && k.getCode() == 409) {
        LOG.warn("shard {} of {} was taken by another replica: no longer ticking it", h.shard, sharding.name());
        h.end();
      } else {
        LOG.debug("renewing shard {} of {} failed: {}", h.shard, sharding.name(), e.getMessage());
      }
    }
  }

  /** Gives back the Leases of shards whose term ended after {@link ShardPlan#release}. */
  private void finishGivingBack() {
    held.values().removeIf(h -> {
      if (!h.givingBack || !h.endDone()) {
        return false;
      }
      try {
        patch(h.lease, h.version, spec -> spec.put("holderIdentity", "").put("leaseDurationSeconds", 1));
        LOG.info("gave shard {} of {} back", h.shard, sharding.name());
      } catch (KubernetesClientException e) {
        LOG.debug("giving shard {} of {} back failed, it expires: {}", h.shard, sharding.name(), e.getMessage());
      }
      return true;
    });
  }

  /** Renews this replica's presence Lease, or takes the first free slot, so the others count it. */
  private void keepPresence(Map<String, Lease> leases, Map<String, Boolean> expired) {
    if (presence != null) {
      try {
        presenceVersion = patch(presence, presenceVersion, spec -> spec.put("renewTime", now()))
            .getMetadata().getResourceVersion();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          return;
        }
        presence = null;
      }
    }
    for (int k = 0; k <= leases.size(); k++) {
      String name = sharding.replicaLease(k);
      Lease l = leases.get(name);
      if (l == null || expired.get(name) || sharding.identity().equals(holder(l))) {
        Lease taken = take(name, l);
        if (taken != null) {
          presence = name;
          presenceVersion = taken.getMetadata().getResourceVersion();
        }
        return;
      }
    }
  }

  private void plan(Map<String, Lease> leases, Map<String, Boolean> expired, Set<String> live) {
    Set<Integer> mine = new TreeSet<>();
    held.values().stream().filter(h -> !h.givingBack).forEach(h -> mine.add(h.shard));
    Set<Integer> free = new TreeSet<>();
    for (int s = 0; s < sharding.shards(); s++) {
      Lease l = leases.get(sharding.shardLease(s));
      if (!held.containsKey(s) && !ending.containsKey(s) && (l == null || expired.get(l.getMetadata().getName())
          || sharding.identity().equals(holder(l)))) {
        free.add(s);
      }
    }
    ShardPlan plan = ShardPlan.of(sharding.identity(), sharding.shards(), live, mine, free);
    for (int s : plan.release()) {
      HeldShard h = held.get(s);
      h.givingBack = true;
      h.end();
    }
    for (int s : plan.acquire()) {
      long start = System.nanoTime();
      Lease taken = take(sharding.shardLease(s), leases.get(sharding.shardLease(s)));
      if (taken != null) {
        HeldShard h = new HeldShard(s, sharding.shardLease(s), owner.acquired(s));
        held.put(s, h);
        h.renewed(taken.getMetadata().getResourceVersion(), start);
        LOG.info("holds shard {} of {} as {} (fair share {} of {} among {} replicas)", s, sharding.name(),
            sharding.identity(), plan.quota(), sharding.shards(), live.size() + (live.contains(sharding.identity())
            ? 0 : 1));
      }
    }
  }

  /** Takes the Lease {@code name} ({@code current}, or none yet); the Lease written, or null when another won. */
  private Lease take(String name, Lease current) {
    try {
      if (current == null) {
        return client.resources(Lease.class).inNamespace(sharding.leaseNamespace()).resource(new LeaseBuilder()
            .withNewMetadata().withName(name).withNamespace(sharding.leaseNamespace())
            .addToLabels(Sharding.GROUP_LABEL, sharding.name())
            .addToAnnotations(Sharding.SHARDS_ANNOTATION, String.valueOf(sharding.shards())).endMetadata()
            .withNewSpec().withHolderIdentity(sharding.identity()).withLeaseDurationSeconds(leaseSeconds())
            .withAcquireTime(zoned()).withRenewTime(zoned()).withLeaseTransitions(0).endSpec().build()).create();
      }
      int transitions = current.getSpec() == null || current.getSpec().getLeaseTransitions() == null ? 0
          : current.getSpec().getLeaseTransitions();
      boolean changes = !sharding.identity().equals(holder(current));
      return patch(name, current.getMetadata().getResourceVersion(), spec -> spec
          .put("holderIdentity", sharding.identity()).put("leaseDurationSeconds", leaseSeconds())
          .put("acquireTime", now()).put("renewTime", now())
          .put("leaseTransitions", transitions + (changes ? 1 : 0)), true);
    } catch (KubernetesClientException e) {
      LOG.debug("taking lease {} failed: {}", name, e.getMessage());
      return null;
    }
  }

  /** A JSON Patch of the Lease's spec fields, guarded by {@code version}; 409 when someone wrote it since. */
  private Lease patch(String name, String version, java.util.function.UnaryOperator<ObjectNode> fields) {
    return patch(name, version, fields, false);
  }

  /** The same, also setting the Lease's annotations to this replica's count of shards when {@code count}. */
  private Lease patch(String name, String version, java.util.function.UnaryOperator<ObjectNode> fields,
      boolean count) {
    ObjectNode annotations = count
        ? JSON.objectNode().put(Sharding.SHARDS_ANNOTATION, String.valueOf(sharding.shards())) : null;
    return LeaseWrites.patch(client, sharding.leaseNamespace(), name, version, fields.apply(JSON.objectNode()),
        annotations);
  }

  /**
   * Stops the rounds and ends every held shard's term (waiting until none of its ticks writes); with
   * {@code giveBack} then frees their Leases and the presence Lease, so others take over at once.
   */
  void close(boolean giveBack) {
    loop.shutdownNow();
    watchdog.shutdownNow();
    renewals.shutdownNow();
    try {
      if (!loop.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the shard round of {} did not stop", sharding.name());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    held.values().forEach(HeldShard::endAndWait);
    ending.values().forEach(HeldShard::endAndWait);
    if (giveBack) {
      for (HeldShard h : held.values()) {
        release(h.lease, h.version);
      }
      if (presence != null) {
        release(presence, presenceVersion);
      }
    }
    held.clear();
    ending.clear();
    enders.shutdown();
  }

  @Override
  public void close() {
    close(true);
  }

  private void release(String lease, String version) {
    try {
      patch(lease, version, spec -> spec.put("holderIdentity", "").put("leaseDurationSeconds", 1));
    } catch (RuntimeException e) {
      LOG.warn("could not give lease {} back, it expires: {}", lease, e.getMessage());
    }
  }

  private int leaseSeconds() {
    return (int) sharding.leaseDuration().toSeconds();
  }

  private Duration duration(Lease l) {
    Integer s = l.getSpec() == null ? null : l.getSpec().getLeaseDurationSeconds();
    return s == null || s < 1 ? sharding.leaseDuration() : Duration.ofSeconds(s);
  }

  private static String holder(Lease l) {
    return LeaseWrites.holder(l);
  }

  private static String now() {
    return LeaseWrites.now();
  }

  private static ZonedDateTime zoned() {
    return LeaseWrites.zoned();
  }

  /** A shard this replica holds: its Lease's version, and the watchdog that ends its term past the deadline. */
  private final class HeldShard {
    final int shard;
    final String lease;
    private final Runnable end;
    volatile String version;
    /** Set on the round's thread when the shard is to be given back once its term ended. */
    boolean givingBack;
    private java.util.concurrent.ScheduledFuture<?> alarm;
    private java.util.concurrent.Future<?> ended;

    HeldShard(int shard, String lease, Runnable end) {
      this.shard = shard;
      this.lease = lease;
      this.end = end;
    }

    /** A renewal that started at {@code startNanos} succeeded: the term may last until the deadline after it. */
    synchronized void renewed(String v, long startNanos) {
      version = v;
      if (ended != null) {
        return;
      }
      if (alarm != null) {
        alarm.cancel(false);
      }
      long delay = startNanos + sharding.renewDeadline().toNanos() - System.nanoTime();
      try {
        alarm = watchdog.schedule(this::expire, Math.max(0, delay), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        end();
      }
    }

    private void expire() {
      LOG.warn("shard {} of {}: no renewal for {}, no longer ticking it", shard, sharding.name(),
          sharding.renewDeadline());
      end();
    }

    /** Ends the term on another thread (once). */
    synchronized void end() {
      if (ended == null) {
        if (alarm != null) {
          alarm.cancel(false);
        }
        try {
          ended = enders.submit(end);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          end.run();
          ended = java.util.concurrent.CompletableFuture.completedFuture(null);
        }
      }
    }

    synchronized boolean ended() {
      return ended != null;
    }

    synchronized boolean endDone() {
      return ended != null && ended.isDone();
    }

    void endAndWait() {
      end();
      java.util.concurrent.Future<?> f;
      synchronized (this) {
        f = ended;
      }
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.warn("ending shard {} of {} failed", shard, sharding.name(), e.getCause());
      }
    }
  }
}
