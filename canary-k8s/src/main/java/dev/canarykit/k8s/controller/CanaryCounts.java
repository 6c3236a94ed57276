package dev.canarykit.k8s.controller;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many Canaries each namespace has (Flagger's {@code flagger_canary_total}), kept from the informer's add and
 * delete notifications: O(1) per change, so neither a take-over nor a status update lists the cache to count.
 * A set of names per namespace, so a notification repeated after a re-list counts once.
 */
final class CanaryCounts {
  private final Map<String, Set<String>> names = new ConcurrentHashMap<>();

  /** Counts {@code namespace/name}; the namespace's new count, or -1 when it was counted already. */
  long add(String namespace, String name) {
    Set<String> set = names.computeIfAbsent(namespace, ns -> ConcurrentHashMap.newKeySet());
    return set.add(name) ? set.size() : -1;
  }

  /** Stops counting {@code namespace/name}; the namespace's new count, or -1 when it was not counted. */
  long remove(String namespace, String name) {
    Set<String> set = names.get(namespace);
    return set != null && set.remove(name) ? set.size() : -1;
  }

  /** Every namespace's count, by namespace. */
  Map<String, Long> all() {
    Map<String, Long> out = new TreeMap<>();
    names.forEach((ns, set) -> out.put(ns, (long) set.size()));
    return out;
  }
}
