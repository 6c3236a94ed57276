package dev.canarykit.k8s.controller;

import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.driver.WriteFence;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.AnalysisSlots;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.validation.Violation;
import dev.canarykit.k8s.CanaryMapping;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.KubernetesMetricTemplateLookup;
import dev.canarykit.k8s.KubernetesSecretResolver;
import dev.canarykit.k8s.cache.InformerCache;
import dev.canarykit.k8s.event.KubernetesEventSink;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.resource.MetricTemplateResource;
import dev.canarykit.k8s.status.InvalidCanaryReports;
import dev.canarykit.k8s.status.KubernetesStatusStore;
import dev.canarykit.k8s.workload.KubernetesWorkloadStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every Canary of a cluster (or namespace): watches Canaries, Deployments, Services, HPAs, ConfigMaps,
 * Secrets and MetricTemplates through informers, schedules each Canary at its analysis interval (first tick at
 * once), and runs ticks of the core {@link CanaryDriver} on a bounded worker pool. A deleted Canary stops its schedule; a changed interval
 * reschedules it. With leader election only the lease holder ticks; with {@link Sharding} each replica ticks the
 * Canaries of the shards it holds.
 *
 * <pre>{@code
 * try (CanaryController controller = CanaryController.create(client, config)) {
 *   controller.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>The controller keeps no release state: every tick reads the Canary's status, so a controller started after
 * another stopped continues where it left off. The client belongs to the caller and is never closed.
 *
 * <p><b>Terms.</b> Each start (or, with leader election, each time this replica becomes the leader; with sharding,
 * each time it takes a shard) begins a term with its own {@link WriteFence} and driver; {@link #stop()}, a lost
 * leadership and a shard lost or given back end it. Every side effect
 * of a tick (a write, a scale, a webhook call, an event, the status write) and every finalizer pass runs through
 * the fence of the term the tick started in, so a tick that outlives its term writes nothing.
 */
public final class CanaryController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CanaryController.class);

  private final KubernetesClient client;
  private final ControllerConfig config;
  private InformerCache cache;
  private Schedules schedules;
  private ScheduledExecutorService timer;
  private TickPool workers;
  private final LateTicks lateTicks = new LateTicks();
  private CanaryFinalizer finalizers;
  private InvalidCanaryReports invalids;
  private java.util.function.Function<WriteFence, CanaryDriver> drivers;
  /** The limit on concurrent analyses, or {@code null} without one. */
  private SlotGate gate;
  /** The terms begun and not ended, by shard (shard 0 without sharding). */
  private final Map<Integer, Term> terms = new ConcurrentHashMap<>();
  private CompletableFuture<?> election;
  private ShardLeases shardLeases;
  private EventSink builtSink;
  private static final Duration FINALIZE_BACKOFF = Duration.ofSeconds(3);
  /** How long {@link #stop()} lets ticks that are still reading finish before it returns; they cannot write. */
  private static final Duration READS_GRACE = Duration.ofSeconds(10);
  private final Map<String, Integer> finalizeAttempts = new ConcurrentHashMap<>();
  private final CanaryCounts counts = new CanaryCounts();
  private final ResolvedCanaries resolved = new ResolvedCanaries(this::violations);
  private final DroppedFailures dropped = new DroppedFailures();
  /** The configured {@link ControllerListener}, its exceptions counted and logged. */
  private final ControllerListener scheduling;
  private boolean started;

  private CanaryController(KubernetesClient client, ControllerConfig config) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.config = Objects.requireNonNull(config, "config == null");
    this.scheduling = new GuardedControllerListener(config.controllerListener(), dropped);
  }

  /** A stopped controller using {@code client} (owned by the caller). */
  public static CanaryController create(KubernetesClient client, ControllerConfig config) {
    return new CanaryController(client, config);
  }

  /**
   * Starts the controller: checks that the API server answers and serves Flagger's three CRDs (as Flagger does at
   * start), starts the informers and the threads, then ticks (at once, or once this replica leads). Does nothing
   * when started.
   *
   * <p><b>All or nothing.</b> When a step fails, everything already taken (informers, threads, the lease
   * election, the event sink built by {@code events(...)}) is released before the exception is thrown, and the
   * same controller may be started again.
   *
   * @throws ControllerStartException naming what failed: the API server (with its URL) that cannot be reached, the
   *     CRD that is not installed, the list that is forbidden, or the informer that did not start
   */
  public synchronized CanaryController start() {
    if (started) {
      return this;
    }
    try {
      ApiServerCheck.verify(client, config.namespace());
      cache = InformerCache.create(client, config.namespace(), List.of(CanaryResource.class, Deployment.class,
          Service.class, HorizontalPodAutoscaler.class, ConfigMap.class, Secret.class,
          MetricTemplateResource.class)).labelSelector(CanaryResource.class, config.canarySelector()).start();
      timer = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "canarykit-timer"));
      workers = new TickPool(config.workers(), config.portCallThreads(), dropped);
      buildStores();
      schedules = new Schedules(timer, workers, this::tick);
      cache.addHandler(CanaryResource.class, new Handler());
      started = true;
      LOG.info("canarykit controller started on {} ({}{}, {} workers{})", client.getMasterUrl(),
          config.namespace() == null ? "every namespace" : "namespace " + config.namespace(),
          config.canarySelector() == null ? "" : ", Canaries labelled " + config.canarySelector(), config.workers(),
          config.leaderElection() != null ? ", waiting for lease " + lease()
              : config.sharding() != null ? ", sharded: " + shards() : "");
      if (config.sharding() != null) {
        shardLeases = ShardLeases.start(client, config.sharding(), this::begin);
      } else if (config.leaderElection() == null) {
        lead();
      } else {
        election = Election.start(client, config.leaderElection(), this::lead, this::follow);
      }
      return this;
    } catch (RuntimeException e) {
      started = false;
      release();
      if (e instanceof ControllerStartException c) {
        throw c;
      }
      throw new ControllerStartException("starting the controller on the Kubernetes API server at "
          + client.getMasterUrl() + " failed: " + e.getMessage(), e);
    }
  }

  private String lease() {
    LeaderElection l = config.leaderElection();
    return l.leaseNamespace() + "/" + l.leaseName() + " as " + l.identity();
  }

  private String shards() {
    Sharding s = config.sharding();
    return s.shards() + " shards, leases " + s.leaseNamespace() + "/" + s.name() + "-shard-* as " + s.identity();
  }

  /** The stores of the ticks, on the caller's client with every API request bounded ({@link BoundedRequests}). */
  private void buildStores() {
    KubernetesClient calls = BoundedRequests.of(client, config.requestTimeout(), config.requestRetries());
    var workloads = KubernetesWorkloadStore.builder(calls).reader(cache).build();
    var k8sEvents = KubernetesEventSink.builder(calls).component(config.eventComponent()).reader(cache)
        .clock(config.clock()).build();
    invalids = InvalidCanaryReports.create(calls, k8sEvents, config.clock());
    var events = config.events().apply(k8sEvents);
    builtSink = events == k8sEvents ? null : events;
    var statuses = KubernetesStatusStore.create(calls, cache);
    var metrics = config.metrics().perServer(config.defaultMetricsServer(),
        KubernetesMetricTemplateLookup.of(cache), new KubernetesSecretResolver(cache));
    gate = slotGate();
    AnalysisSlots slots = gate == null ? AnalysisSlots.UNLIMITED : gate;
    drivers = fence -> CanaryDriver.builder().workloads(workloads).router(config.router()).metrics(metrics)
        .webhooks(config.webhooks()).statuses(statuses).events(events).clock(config.clock())
        .listener(config.listener()).fence(fence).portCalls(workers.portCalls()).slots(slots).build();
    // A finalizer pass checks the target's readiness right after scaling it: through the informer cache it could
    // still see the old spec (0 of 0 replicas, "ready") and revert while no pod serves. Passes are rare: read fresh.
    finalizers = CanaryFinalizer.create(calls, KubernetesWorkloadStore.builder(calls).build(), config.router(),
        events, statuses, config.clock());
  }

  /**
   * The limit on concurrent analyses: none, in memory (one controller, or the leader), or with sharding in Leases
   * shared by the group, a leaked slot being reclaimed once it has not changed for longer than a tick may take from
   * its claim to its status write plus a lease duration.
   */
  private SlotGate slotGate() {
    int limit = config.maxConcurrentAnalyses();
    Sharding s = config.sharding();
    if (limit == 0) {
      return null;
    }
    if (s == null) {
      return new AnalysisGate(limit, scheduling);
    }
    Duration grace = config.tickTimeout().plus(s.leaseDuration());
    return new SharedAnalysisGate(limit, new SlotLeases(client, s, config.requestTimeout(), grace), grace,
        scheduling, workers::execute, workers.portCalls());
  }

  /**
   * How many exceptions the controller caught so that it could go on, since it was created: a tick or a finalizer
   * pass that threw (a bug: the ports return failures as values), an {@code onTick} handler or a
   * {@link ControllerListener} that threw. Each is logged once, at WARN with its stack trace.
   */
  public long failures() {
    return dropped.count();
  }

  /** How many times a Canary resource was mapped and validated (for tests: an idle tick adds none). */
  long resolutions() {
    return resolved.resolutions();
  }

  /**
   * Whether this controller ticks now: started, leading when election is on, and holding at least one shard with
   * sharding.
   */
  public boolean isLeading() {
    return !terms.isEmpty();
  }

  /** The shards whose Canaries this controller ticks now ({@code [0]} when it leads without sharding). */
  java.util.SortedSet<Integer> heldShards() {
    return new java.util.TreeSet<>(terms.keySet());
  }

  /**
   * The resourceVersion of Canary {@code namespace/name} in this controller's informer cache, or {@code null} when
   * it holds none (for tests that must know whether the next tick may read the status with a GET).
   */
  String cachedVersion(String namespace, String name) {
    InformerCache c = cache;
    return c == null ? null : c.cached(CanaryResource.class, namespace, name)
        .map(r -> r.getMetadata().getResourceVersion()).orElse(null);
  }

  /** The interval {@code namespace/name} is scheduled at, or {@code null} when it has no schedule (for tests). */
  Duration scheduledInterval(String key) {
    Schedules s = schedules;
    return s == null ? null : s.interval(key);
  }

  /**
   * Stops ticking and watching, then releases the lease (with sharding: gives every shard's Lease and the
   * presence Lease back, so the other replicas take the shards over at once). <b>Guarantee:</b> when this method returns, no tick of
   * this controller writes anything any more (no route, workload, status, Event, alert or webhook call), also a
   * tick still blocked in a port: the term's {@link WriteFence} is closed first, which waits for the side effects
   * already running (each bounded by its port's deadline) and refuses every later one. Ticks still reading are
   * then interrupted and given up to 10 s; one that outlasts that ends on its own, unable to write. The client
   * stays open. Events already accepted by an asynchronous sink ({@code AsyncEventSink}) are delivered until the
   * controller closes that sink (it built it through {@code events(...)}), after the ticks: it waits for them to
   * be delivered (up to the sink's own close timeout, 10 s for an {@code AsyncEventSink}). Safe to call at any
   * time, also twice, and before or after a failed start.
   */
  public void stop() {
    ShardLeases leases;
    synchronized (this) {
      if (!started) {
        return;
      }
      started = false;
      leases = shardLeases;
      shardLeases = null;
    }
    if (leases != null) {
      leases.close(true); // without the lock: its round may be waiting to begin a shard, which now does nothing
    }
    synchronized (this) {
      follow();
      release();
    }
    LOG.info("canarykit controller stopped on {}", client.getMasterUrl());
  }

  /** Releases whatever is held (each part may be missing after a failed start); the client stays open. */
  private void release() {
    if (shardLeases != null) {
      shardLeases.close(true);
      shardLeases = null;
    }
    if (election != null) {
      election.cancel(true);
      election = null;
    }
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    if (workers != null) {
      workers.shutdownNow();
      awaitWorkers(workers);
      workers = null;
    }
    if (cache != null) {
      cache.close();
      cache = null;
    }
    schedules = null;
    closeBuiltSink();
  }

  private static void awaitWorkers(TickPool workers) {
    try {
      if (!workers.awaitTermination(READS_GRACE)) {
        LOG.warn("ticks still reading after {}; they can no longer write", READS_GRACE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the sink that {@code events(...)} built at start, when it is closeable; the caller's parts stay open. */
  private void closeBuiltSink() {
    EventSink sink = builtSink;
    builtSink = null;
    if (sink instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.warn("closing the event sink {} failed: {}", sink.getClass().getSimpleName(), e.toString());
      }
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Without sharding: begins the one term (at start, or when this replica becomes the leader). */
  private void lead() {
    begin(0);
    if (config.leaderElection() != null && isLeading()) {
      LOG.info("canarykit controller leading: lease {}", lease());
    }
  }

  /** The statuses of {@code canaries} by namespace/name (those without a status or with an unknown phase left out). */
  private static Map<String, CanaryStatus> statuses(List<CanaryResource> canaries) {
    Map<String, CanaryStatus> out = new java.util.HashMap<>();
    for (CanaryResource r : canaries) {
      CanaryStatus s = statusOf(r);
      if (s != null) {
        out.put(key(r), s);
      }
    }
    return out;
  }

  /** Ends every term: no new tick starts, and once this returns no tick of them writes any more. */
  private void follow() {
    boolean led = isLeading();
    terms.forEach(this::end);
    if (led && config.leaderElection() != null) {
      LOG.info("canarykit controller no longer leading: lease {}", lease());
    }
  }

  /**
   * Begins a term for the Canaries of {@code shard} (shard 0 holds every Canary without sharding) and schedules
   * them; returns what ends it. Does nothing (and ends nothing) when stopped or when the shard has a term.
   */
  private synchronized Runnable begin(int shard) {
    if (!started || terms.containsKey(shard)) {
      return () -> {};
    }
    long start = System.nanoTime();
    WriteFence fence = WriteFence.open();
    Term t = new Term(fence, drivers.apply(fence));
    terms.put(shard, t);
    List<CanaryResource> held = cache.list(CanaryResource.class).stream()
        .filter(r -> terms.containsKey(shardOf(key(r)))).toList();
    if (gate != null) {
      gate.takeOver(statuses(held)); // the limit counts the Canaries this replica ticks, the new shard's included
    }
    for (CanaryResource r : held) {
      if (shardOf(key(r)) == shard) {
        schedules.schedule(key(r), config.intervals().apply(resolved.mapped(key(r), r)));
      }
    }
    counts.all().forEach(this::reportCount);
    scheduling.tookOver(held.size(), Duration.ofNanos(System.nanoTime() - start));
    return () -> end(shard, t);
  }

  /** Ends term {@code t} of {@code shard}: its schedules stop, and once this returns none of its ticks writes. */
  private void end(int shard, Term t) {
    synchronized (this) {
      terms.remove(shard, t);
      if (schedules != null && !terms.containsKey(shard)) {
        schedules.cancelIf(key -> shardOf(key) == shard);
      }
      if (gate != null && terms.isEmpty()) {
        gate.clear();
      } else if (gate != null && cache != null) {
        cache.list(CanaryResource.class).stream().map(CanaryController::key).filter(k -> shardOf(k) == shard)
            .forEach(gate::handOver);
      }
    }
    t.fence().close();
  }

  private int shardOf(String key) {
    Sharding s = config.sharding();
    return s == null ? 0 : Sharding.shardOf(key, s.shards());
  }

  /** The term that ticks {@code key} now, or null when this replica does not tick it. */
  private Term termOf(String key) {
    return terms.get(shardOf(key));
  }

  private synchronized void schedule(CanaryResource r) {
    if (termOf(key(r)) != null) {
      schedules.schedule(key(r), config.intervals().apply(resolved.mapped(key(r), r)));
    }
  }

  /** Tells the listener how many canaries a namespace has (Flagger's flagger_canary_total), while leading. */
  private void reportCount(String namespace, long count) {
    if (isLeading() && count >= 0) {
      config.listener().canariesCounted(namespace, count);
    }
  }

  /** One scheduled tick of {@code key}, due at {@code dueNanos} ({@link System#nanoTime()}). */
  private void tick(String key, Duration interval, long dueNanos) {
    Duration lateness = nonNegative(Duration.ofNanos(System.nanoTime() - dueNanos));
    lateTicks.started(key, lateness, interval);
    String[] names = key.split("/", 2);
    scheduling.tickStarted(names[0], names[1], lateness, interval);
    tick(key);
  }

  private void tick(String key) {
    Term t = termOf(key);
    if (t == null) {
      return;
    }
    String[] parts = key.split("/", 2);
    CanaryResource r = cache.cached(CanaryResource.class, parts[0], parts[1]).orElse(null);
    if (r == null) {
      schedules.cancel(key);
      forgetSlot(key);
      resolved.forget(key);
      return;
    }
    withinDeadline("tick of canary " + key, () -> tick(key, r, t));
  }

  /** Runs {@code work} on the calling worker within the tick deadline ({@link TickDeadline}). */
  private void withinDeadline(String what, Runnable work) {
    try (TickDeadline deadline = TickDeadline.start(timer, config.tickTimeout())) {
      work.run();
      if (deadline.fired()) {
        LOG.warn("{} ran past its deadline of {} and was interrupted", what, config.tickTimeout());
      }
    }
  }

  private void tick(String key, CanaryResource r, Term t) {
    boolean settled = false;
    try {
      ResolvedCanaries.Resolved canaryOf = resolved.resolve(key, r);
      Canary canary = canaryOf.canary();
      if (canary.spec() != null && !canary.spec().providerIsDriven()) {
        t.fence().admit(() -> invalids.notDriven(r, canary));
        return;
      }
      if (finalized(key, r, canary, t.fence())) {
        return;
      }
      List<Violation> violations = canaryOf.violations();
      if (!violations.isEmpty()) {
        t.fence().admit(() -> calls(() -> invalids.invalid(r, canary, violations)));
        return;
      }
      t.fence().admit(() -> calls(() -> invalids.valid(r)));
      t.fence().admit(() -> calls(() -> finalizers.reconcile(r, canary)));
      TickReport report = t.driver().tick(canaryOf.machine());
      report.pacedUntil().ifPresent(due -> schedules.once(key, nonNegative(Duration.between(now(), due))));
      settled = true;
      try {
        config.onTick().accept(report);
      } finally {
        settleSlot(key, report);
      }
    } catch (RuntimeException e) {
      dropped.record("tick of canary " + key, e);
    } finally {
      if (!settled) {
        forgetSlot(key);
      }
    }
  }

  /** After a driver tick: the gate learns whether the canary analyses, waits or is done (after onTick, for tests). */
  private void settleSlot(String key, TickReport report) {
    if (gate != null && report.finalStatus() != null) {
      gate.settle(key, report.finalStatus());
    }
  }

  /** The limit learns what every Canary shows (the shared gate's queue spans the group). */
  private void observeSlot(CanaryResource r) {
    if (gate != null) {
      gate.observed(key(r), () -> statusOf(r));
    }
  }

  /** The status of {@code r}, or null when it has none or one that cannot be read. */
  private static CanaryStatus statusOf(CanaryResource r) {
    if (r.getStatus() == null) {
      return null;
    }
    try {
      return CanaryStatusMapping.toCore(r.getStatus());
    } catch (RuntimeException e) {
      LOG.debug("status of canary {} not read: {}", key(r), e.getMessage());
      return null;
    }
  }

  /** A tick that did not run the machine (invalid, not driven, deleted, failed): the canary holds no slot. */
  private void forgetSlot(String key) {
    if (gate != null) {
      gate.forget(key);
    }
  }

  /**
   * Runs a finalizer pass on a Canary marked for deletion; whether the tick must stop. A pass that must be retried
   * comes back after 3 s, doubling up to the canary's interval (Flagger's backoff), without holding a worker.
   */
  private boolean finalized(String key, CanaryResource r, Canary canary, WriteFence fence) {
    CanaryFinalizer.Pass pass = fence.admit(
        () -> workers.portCalls().call(() -> finalizers.finalizeIfDeleted(r, canary)), () -> null);
    if (pass == null) {
      return true;
    }
    if (pass == CanaryFinalizer.Pass.RETRY) {
      int n = finalizeAttempts.merge(key, 1, Integer::sum);
      Duration interval = config.intervals().apply(canary);
      Duration backoff = FINALIZE_BACKOFF.multipliedBy(1L << Math.min(n - 1, 20));
      schedules.once(key, backoff.compareTo(interval) < 0 ? backoff : interval);
    } else {
      finalizeAttempts.remove(key);
    }
    return pass != CanaryFinalizer.Pass.NOT_DELETED;
  }

  /**
   * A finalizer-only pass (no analysis), for a changed revertOnDeletion or a deletion request, on a worker and
   * within a tick deadline like a tick.
   */
  private void finalizerPass(CanaryResource r) {
    Term t = termOf(key(r));
    if (t == null) {
      return;
    }
    if (r.getMetadata().getDeletionTimestamp() != null) {
      schedules.once(key(r), Duration.ZERO);
      return;
    }
    if (r.getSpec() != null && !CanaryMapping.toCore(r).spec().providerIsDriven()) {
      return;
    }
    try {
      workers.execute(() -> withinDeadline("finalizer pass of canary " + key(r), () -> {
        try {
          t.fence().admit(() -> finalizers.reconcile(r, CanaryMapping.toCore(r)));
        } catch (RuntimeException e) {
          dropped.record("finalizer pass of canary " + key(r), e);
        }
      }));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("controller stopping, finalizer of {} left for the next start", key(r));
    }
  }

  /**
   * The spec's violations, what istiod would reject in its VirtualService, and with {@code noCrossNamespaceRefs}
   * its references to other namespaces.
   */
  private List<Violation> violations(Canary canary) {
    return CanaryMapping.violations(canary, config.noCrossNamespaceRefs());
  }

  /** Runs the controller's own API calls of a tick like the driver's port calls: off the worker while they wait. */
  private void calls(Runnable apiCalls) {
    workers.portCalls().call(() -> {
      apiCalls.run();
      return null;
    });
  }

  private java.time.Instant now() {
    return config.clock().instant();
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** One term: its fence and the driver whose ticks pass their side effects through it. */
  private record Term(WriteFence fence, CanaryDriver driver) {}

  private static boolean revertOnDeletion(CanaryResource r) {
    return r.getSpec() != null && Boolean.TRUE.equals(r.getSpec().revertOnDeletion());
  }

  private static String key(CanaryResource r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }

  static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private final class Handler implements ResourceEventHandler<CanaryResource> {
    @Override
    public void onAdd(CanaryResource r) {
      observeSlot(r);
      String ns = r.getMetadata().getNamespace();
      reportCount(ns, counts.add(ns, r.getMetadata().getName()));
      schedule(r);
    }

    @Override
    public void onUpdate(CanaryResource old, CanaryResource r) {
      observeSlot(r);
      schedule(r);
      boolean deleting = old.getMetadata().getDeletionTimestamp() == null
          && r.getMetadata().getDeletionTimestamp() != null;
      if (deleting || revertOnDeletion(old) != revertOnDeletion(r)) {
        finalizerPass(r);
      }
    }

    @Override
    public void onDelete(CanaryResource r, boolean unknownFinalState) {
      schedules.cancel(key(r));
      if (gate != null) {
        gate.deleted(key(r));
      }
      resolved.forget(key(r));
      String ns = r.getMetadata().getNamespace();
      reportCount(ns, counts.remove(ns, r.getMetadata().getName()));
      invalids.forget(r.getMetadata().getNamespace(), r.getMetadata().getName());
    }
  }
}
