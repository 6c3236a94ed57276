package dev.canarykit.k8s.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;

/** Starts fabric8's leader elector on a Lease; cancelling the future releases the lease. */
final class Election {
  private Election() {}

  static CompletableFuture<?> start(KubernetesClient client, LeaderElection e, Runnable lead, Runnable follow) {
    return client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
        .withName(e.leaseName())
        .withLock(new LeaseLock(e.leaseNamespace(), e.leaseName(), e.identity()))
        .withLeaseDuration(e.leaseDuration()).withRenewDeadline(e.renewDeadline()).withRetryPeriod(e.retryPeriod())
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(lead, follow, id -> {}))
        .build()).build().start();
  }
}
