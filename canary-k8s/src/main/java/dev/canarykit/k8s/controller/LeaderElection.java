package dev.canarykit.k8s.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * Leader election through a {@code coordination.k8s.io} Lease: only the holder of the lease ticks canaries.
 *
 * @param leaseNamespace the Lease's namespace
 * @param leaseName the Lease's name, shared by every replica
 * @param identity this replica's identity, unique per replica
 * @param leaseDuration how long a lease lasts without renewal (the longest a takeover waits)
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leading
 * @param retryPeriod how often candidates retry
 */
public record LeaderElection(String leaseNamespace, String leaseName, String identity, Duration leaseDuration,
    Duration renewDeadline, Duration retryPeriod) {

  public LeaderElection {
    Objects.requireNonNull(leaseNamespace, "leaseNamespace == null");
    Objects.requireNonNull(leaseName, "leaseName == null");
    Objects.requireNonNull(identity, "identity == null");
    if (renewDeadline.compareTo(leaseDuration) >= 0 || retryPeriod.compareTo(renewDeadline) >= 0) {
      throw new IllegalArgumentException("need retryPeriod < renewDeadline < leaseDuration, but were "
          + retryPeriod + ", " + renewDeadline + ", " + leaseDuration);
    }
  }

  /** Kubernetes' usual timings: lease 15 s, renew deadline 10 s, retry 2 s. */
  public static LeaderElection of(String leaseNamespace, String leaseName, String identity) {
    return new LeaderElection(leaseNamespace, leaseName, identity, Duration.ofSeconds(15), Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }
}
