package dev.canarykit.k8s.controller;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Several controller replicas sharing the Canaries of a cluster. Each Canary belongs to one of {@code shards}
 * shards ({@link #shardOf}); each shard is held through its own {@code coordination.k8s.io} Lease
 * {@code <name>-shard-<i>} in {@code leaseNamespace}, and only the holder ticks its Canaries. Each replica also
 * holds a presence Lease {@code <name>-replica-<k>} so that the others count it before it holds a shard. A replica
 * takes at most its fair share of the shards among the replicas it sees, gives the rest back, and takes over the
 * shards of a replica whose leases expired. Every replica of a group must use the same name and namespace and an
 * identity of its own; while a live replica counts the shards otherwise (a rolling change of {@code shards}), the
 * others take no shard.
 *
 * <pre>{@code
 * ControllerConfig.builder()...sharding(Sharding.of("canarykit", "canarykit", podName)).build();
 * }</pre>
 *
 * @param leaseNamespace the Leases' namespace
 * @param name the group's name: the prefix of its Leases' names and the value of their label
 *     {@value #GROUP_LABEL}; a DNS label of at most {@value #MAX_NAME} characters
 * @param identity this replica's identity, unique among the replicas (e.g. the pod's name)
 * @param shards how many shards the Canaries are spread over, 1 to {@value #MAX_SHARDS}: the most replicas that
 *     can share the work; default {@value #DEFAULT_SHARDS}
 * @param leaseDuration how long a Lease lasts without renewal: the longest a take-over waits
 * @param renewDeadline how long a replica keeps a shard whose renewals fail before it stops ticking it
 * @param retryPeriod how often a replica renews its Leases and looks for shards to take or give back
 */
public record Sharding(String leaseNamespace, String name, String identity, int shards, Duration leaseDuration,
    Duration renewDeadline, Duration retryPeriod) {
  /** The label every Lease of a group carries, with the group's name as value. */
  public static final String GROUP_LABEL = "canarykit.dev/shard-group";
  /** The annotation on every Lease of a group with the number of shards its holder counts. */
  public static final String SHARDS_ANNOTATION = "canarykit.dev/shards";
  /** The default number of shards. */
  public static final int DEFAULT_SHARDS = 12;
  /** The most shards a group may have. */
  public static final int MAX_SHARDS = 1024;
  /** The longest group name (the Lease names add at most 15 characters). */
  public static final int MAX_NAME = 48;
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException naming the part and its value when a name is not a DNS label, the identity
   *     is empty, {@code shards} is out of range, or the timings are not {@code 0 < retryPeriod < renewDeadline <
   *     leaseDuration} in whole seconds for the lease
   */
  public Sharding {
    Objects.requireNonNull(leaseNamespace, "leaseNamespace == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(identity, "identity == null");
    Objects.requireNonNull(leaseDuration, "leaseDuration == null");
    Objects.requireNonNull(renewDeadline, "renewDeadline == null");
    Objects.requireNonNull(retryPeriod, "retryPeriod == null");
    if (!DNS_LABEL.matcher(name).matches() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("sharding name must be a DNS label of at most " + MAX_NAME
          + " characters, but was '" + name + "'");
    }
    if (!DNS_LABEL.matcher(leaseNamespace).matches()) {
      throw new IllegalArgumentException("sharding leaseNamespace must be a namespace name, but was '"
          + leaseNamespace + "'");
    }
    if (identity.isBlank()) {
      throw new IllegalArgumentException("sharding identity must not be blank");
    }
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new IllegalArgumentException("sharding shards must be 1 to " + MAX_SHARDS + ", but was " + shards);
    }
    if (retryPeriod.isNegative() || retryPeriod.isZero() || renewDeadline.compareTo(retryPeriod) <= 0
        || leaseDuration.compareTo(renewDeadline) <= 0 || leaseDuration.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("sharding needs 0 < retryPeriod < renewDeadline < leaseDuration, the"
          + " lease in whole seconds, but were " + retryPeriod + ", " + renewDeadline + ", " + leaseDuration);
    }
  }

  /**
   * {@value #DEFAULT_SHARDS} shards with timings for a busy cluster: lease 30 s, renew deadline 20 s, retry 5 s. A
   * replica then survives stalls of 20 s (a loaded node, a long GC pause, a slow API server) without losing a
   * shard, stops ticking a shard at least 10 s before any other replica can take it, and a dead replica's shards
   * are taken over within about 35 s.
   */
  public static Sharding of(String leaseNamespace, String name, String identity) {
    return new Sharding(leaseNamespace, name, identity, DEFAULT_SHARDS, Duration.ofSeconds(30),
        Duration.ofSeconds(20), Duration.ofSeconds(5));
  }

  /** The same with {@code n} shards. */
  public Sharding withShards(int n) {
    return new Sharding(leaseNamespace, name, identity, n, leaseDuration, renewDeadline, retryPeriod);
  }

  /** The same with other timings. */
  public Sharding withTimings(Duration lease, Duration renew, Duration retry) {
    return new Sharding(leaseNamespace, name, identity, shards, lease, renew, retry);
  }

  /**
   * The shard of the Canary {@code namespace/name}: the 32-bit FNV-1a hash of the UTF-8 bytes of
   * {@code namespace + "/" + name}, as an unsigned number, modulo {@code shards}. Stable across versions, JVMs
   * and languages, so other tools can compute it.
   */
  public int shardOf(String namespace, String name) {
    return shardOf(namespace + "/" + name, shards);
  }

  /** The shard of the key {@code namespace/name} among {@code shards}. */
  static int shardOf(String key, int shards) {
    return Integer.remainderUnsigned(fnv1a(key.getBytes(StandardCharsets.UTF_8)), shards);
  }

  static int fnv1a(byte[] bytes) {
    int hash = 0x811c9dc5;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return hash;
  }

  /** The name of shard {@code i}'s Lease. */
  String shardLease(int i) {
    return name + "-shard-" + i;
  }

  /** The name of presence slot {@code k}'s Lease. */
  String replicaLease(int k) {
    return name + "-replica-" + k;
  }

  /** The prefix of the names of the group's analysis-slot Leases ({@link #slotLease}). */
  String slotLeasePrefix() {
    return name + "-analysis-";
  }

  /** The name of analysis slot {@code i}'s Lease (with a limit on concurrent analyses). */
  String slotLease(int i) {
    return slotLeasePrefix() + i;
  }
}
