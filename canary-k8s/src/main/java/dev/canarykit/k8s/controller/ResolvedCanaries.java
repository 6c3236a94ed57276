package dev.canarykit.k8s.controller;

import dev.canarykit.core.analysis.CanaryAnalysis;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.validation.Violation;
import dev.canarykit.k8s.CanaryMapping;
import dev.canarykit.k8s.resource.CanaryResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Each Canary resource as the ticks need it: mapped to the core model, validated, and with its state machine, kept
 * until the resource changes (its resourceVersion). An idle canary's tick therefore neither maps nor validates
 * again, and reuses the machine (with its memoized checksums). A status write changes the resourceVersion, so a
 * canary in analysis is resolved again after each write: once per interval, not once per tick of an idle fleet.
 */
final class ResolvedCanaries {
  /**
   * A resolved Canary.
   *
   * @param canary the core model
   * @param resourceVersion the resource's version it was resolved from
   * @param violations everything that makes it invalid (empty when valid, or when another controller drives it)
   * @param machine its state machine, or {@code null} when invalid or not driven here
   */
  record Resolved(String resourceVersion, Canary canary, List<Violation> violations, CanaryAnalysis machine) {}

  private final Map<String, Resolved> byKey = new ConcurrentHashMap<>();
  private final Function<Canary, List<Violation>> validation;
  private final AtomicLong resolutions = new AtomicLong();

  ResolvedCanaries(Function<Canary, List<Violation>> validation) {
    this.validation = validation;
  }

  /** {@code r} resolved: from the memo when its resourceVersion is the one resolved last. */
  Resolved resolve(String key, CanaryResource r) {
    String version = r.getMetadata().getResourceVersion();
    Resolved known = byKey.get(key);
    if (version != null && known != null && version.equals(known.resourceVersion())) {
      return known;
    }
    resolutions.incrementAndGet();
    Canary canary = CanaryMapping.toCore(r);
    boolean notDriven = canary.spec() != null && !canary.spec().providerIsDriven();
    List<Violation> violations = notDriven ? List.of() : List.copyOf(validation.apply(canary));
    CanaryAnalysis machine = !notDriven && violations.isEmpty() ? CanaryAnalysis.of(canary) : null;
    Resolved fresh = new Resolved(version, canary, violations, machine);
    if (version != null) {
      byKey.put(key, fresh);
    }
    return fresh;
  }

  /** {@code r} mapped to the core model only (no validation): the resolved canary when {@code r} is unchanged. */
  Canary mapped(String key, CanaryResource r) {
    Resolved known = byKey.get(key);
    String version = r.getMetadata().getResourceVersion();
    return known != null && version != null && version.equals(known.resourceVersion()) ? known.canary()
        : CanaryMapping.toCore(r);
  }

  /** Forgets {@code key} (deleted). */
  void forget(String key) {
    byKey.remove(Objects.requireNonNull(key));
  }

  /** Forgets everything (a new term). */
  void clear() {
    byKey.clear();
  }

  /** How many times a resource was mapped and validated (for tests: an idle tick adds none). */
  long resolutions() {
    return resolutions.get();
  }
}
