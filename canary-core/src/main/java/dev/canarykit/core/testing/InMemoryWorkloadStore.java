package dev.canarykit.core.testing;

import dev.canarykit.core.analysis.Command.Workload;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Outcome.Readiness;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.WorkloadStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * One target and its primary, in memory. The target starts at revision {@value #INITIAL_REVISION} with
 * {@value #INITIAL_REPLICAS} replicas and no primary; both workloads are ready unless told otherwise.
 * {@link #ensurePrimary} copies the target, {@link #promote} copies its revision and configs to the primary.
 * Every call is recorded by name in {@link #calls()}.
 */
public final class InMemoryWorkloadStore implements WorkloadStore {
  /** The target's revision until {@link #setTargetRevision} is called. */
  public static final String INITIAL_REVISION = "v1";
  /** The target's replicas at the start. */
  public static final int INITIAL_REPLICAS = 2;

  private final List<String> calls = new ArrayList<>();
  private final Map<Workload, Readiness> readiness = new EnumMap<>(Workload.class);
  private final Map<Workload, Queue<Readiness>> scripted = new EnumMap<>(Workload.class);
  private final Failures failures = new Failures();
  private final WorkloadState state = new WorkloadState(INITIAL_REVISION, INITIAL_REPLICAS);

  /** Changes the target's pod-template hash, as a new release does. */
  public synchronized void setTargetRevision(String revision) {
    state.targetRevision = revision;
  }

  /** Changes the checksums of the target's tracked configs ({@code configmap/<name>} to checksum). */
  public synchronized void setTrackedConfigs(Map<String, String> configs) {
    state.targetConfigs = Map.copyOf(configs);
  }

  /** Sets the target's replicas. */
  public synchronized void setTargetReplicas(int replicas) {
    state.targetReplicas = replicas;
  }

  /** Removes or restores the target: without it, {@link #observeTarget} and {@link #ensurePrimary} fail. */
  public synchronized void setTargetExists(boolean exists) {
    state.targetExists = exists;
  }

  /** Sets the readiness {@code workload} reports from now on (default {@link Readiness#READY}). */
  public synchronized void setReadiness(Workload workload, Readiness r) {
    readiness.put(workload, r);
  }

  /** Queues readiness answers for {@code workload}, used before the fixed one. */
  public synchronized void queueReadiness(Workload workload, Readiness... answers) {
    scripted.computeIfAbsent(workload, w -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  /** Makes the next {@code n} calls fail (readiness reports waiting) with {@value Failures#DEFAULT_MESSAGE}. */
  public synchronized void failNext(int n) {
    failNext(n, Failures.DEFAULT_MESSAGE);
  }

  /** Makes the next {@code n} calls fail (readiness reports waiting) with {@code message}. */
  public synchronized void failNext(int n, String message) {
    failures.failNext(n, message);
  }

  /** The calls made so far, by method name (readiness as {@code readiness(PRIMARY)}), in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** How many times {@code method} was called (e.g. {@code "promote"}, {@code "readiness(CANARY)"}). */
  public synchronized int count(String method) {
    return (int) calls.stream().filter(method::equals).count();
  }

  /** How many promotions succeeded. */
  public synchronized int promotions() {
    return state.promotions;
  }

  /** The target's revision. */
  public synchronized String targetRevision() {
    return state.targetRevision;
  }

  /** The primary's revision, or {@code null} before {@link #ensurePrimary}. */
  public synchronized String primaryRevision() {
    return state.primaryRevision;
  }

  /** The primary's tracked configs (copied on creation and promotion). */
  public synchronized Map<String, String> primaryConfigs() {
    return state.primaryConfigs;
  }

  /** The target's replicas. */
  public synchronized int targetReplicas() {
    return state.targetReplicas;
  }

  /** The primary's replicas, 0 before {@link #ensurePrimary}. */
  public synchronized int primaryReplicas() {
    return state.primaryReplicas;
  }

  /** Whether the primary exists. */
  public synchronized boolean primaryExists() {
    return state.primaryRevision != null;
  }

  /** Whether the primary autoscaler exists. */
  public synchronized boolean primaryAutoscalerExists() {
    return state.primaryAutoscaler;
  }

  /** Whether the apex service selects the primary pods. */
  public synchronized boolean apexSelectsPrimary() {
    return state.apexSelectsPrimary;
  }

  @Override
  public synchronized Outcome.RevisionResult observeTarget(Canary canary) {
    calls.add("observeTarget");
    return failures.take().<Outcome.RevisionResult>map(Outcome.Failed::new).orElseGet(() -> state.observe(canary));
  }

  @Override
  public synchronized Outcome.OkResult reconcileServices(Canary canary) {
    return call("reconcileServices", () -> Outcome.OK);
  }

  @Override
  public synchronized Outcome.OkResult ensurePrimary(Canary canary) {
    return call("ensurePrimary", () -> state.ensurePrimary(canary));
  }

  @Override
  public synchronized Readiness readiness(
      Canary canary, Workload workload, int thresholdPercent, Duration progressDeadline, Instant now) {
    calls.add("readiness(" + workload + ")");
    String failure = failures.take().orElse(null);
    if (failure != null) {
      return Readiness.waiting(failure);
    }
    Readiness next = scripted.getOrDefault(workload, new ArrayDeque<>()).poll();
    return next != null ? next : readiness.getOrDefault(workload, Readiness.READY);
  }

  @Override
  public synchronized Outcome.OkResult reconcileAutoscaler(Canary canary, boolean allowUpdate) {
    return call(allowUpdate ? "reconcileAutoscaler(update)" : "reconcileAutoscaler", () -> state.autoscaler(canary));
  }

  @Override
  public synchronized Outcome.OkResult reconcileApexService(Canary canary) {
    return call("reconcileApexService", () -> state.apexToPrimary());
  }

  @Override
  public synchronized Outcome.OkResult scaleToZero(Canary canary) {
    return call("scaleToZero", () -> state.scaleToZero());
  }

  @Override
  public synchronized Outcome.OkResult scaleFromZero(Canary canary) {
    return call("scaleFromZero", () -> state.scaleFromZero(canary));
  }

  @Override
  public synchronized Outcome.OkResult promote(Canary canary) {
    return call("promote", () -> state.promote(canary));
  }

  @Override
  public synchronized Outcome.OkResult revert(Canary canary) {
    return call("revert", () -> state.revert());
  }

  private Outcome.OkResult call(String name, java.util.function.Supplier<Outcome.OkResult> action) {
    calls.add(name);
    return failures.take().<Outcome.OkResult>map(Outcome.Failed::new).orElseGet(action);
  }
}
