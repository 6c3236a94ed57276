package dev.canarykit.k8s.workload;

import dev.canarykit.core.analysis.Outcome.Readiness;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment's readiness with Flagger's texts and retriability (docs/flagger-compatibility.md §3.5, §1.7). Messages
 * are returned unwrapped ({@code waiting for rollout to finish: ...}); the store adds the workload's prefix. As in
 * Flagger, the availability message names the replicas needed ({@code int(updated × threshold / 100)} in float32),
 * not the updated replicas, and a Deployment without {@code spec.replicas} skips the updated-replicas check.
 */
final class DeploymentReadiness {
  private static final String WAITING = "waiting for rollout to finish: ";

  private DeploymentReadiness() {}

  static Readiness check(Deployment d, int thresholdPercent, Duration deadline, Instant now) {
    long generation = orZero(d.getMetadata().getGeneration());
    DeploymentStatus st = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    if (generation > orZero(st.getObservedGeneration())) {
      return Readiness.waiting(WAITING + "observed deployment generation less than desired generation");
    }
    if (condition(st, "Progressing").map(c -> "ProgressDeadlineExceeded".equals(c.getReason())).orElse(false)) {
      return Readiness.failed("deployment \"" + d.getMetadata().getName() + "\" exceeded its progress deadline");
    }
    Integer desired = d.getSpec().getReplicas();
    int updated = orZero(st.getUpdatedReplicas());
    int replicas = orZero(st.getReplicas());
    int available = orZero(st.getAvailableReplicas());
    int needed = (int) ((float) updated * ((float) thresholdPercent / 100f));
    String wait = null;
    if (desired != null && updated < desired) {
      wait = WAITING + updated + " out of " + desired + " new replicas have been updated";
    } else if (replicas > updated) {
      wait = WAITING + (replicas - updated) + " old replicas are pending termination";
    } else if (available < needed) {
      wait = WAITING + available + " of " + needed + " (readyThreshold " + thresholdPercent
          + "%) updated replicas are available";
    }
    if (wait == null) {
      return Readiness.READY;
    }
    return stalled(st, deadline, now) ? Readiness.failed(wait) : Readiness.waiting(wait);
  }

  /** Flagger's stall rule: a Progressing condition exists and Available is False/MinimumReplicasUnavailable. */
  private static boolean stalled(DeploymentStatus st, Duration deadline, Instant now) {
    return condition(st, "Progressing").isPresent() && condition(st, "Available")
        .filter(c -> "False".equals(c.getStatus()) && "MinimumReplicasUnavailable".equals(c.getReason()))
        .map(c -> time(c.getLastUpdateTime()))
        .map(t -> t != null && t.plus(deadline).isBefore(now))
        .orElse(false);
  }

  private static Optional<DeploymentCondition> condition(DeploymentStatus st, String type) {
    List<DeploymentCondition> cs = st.getConditions() == null ? List.of() : st.getConditions();
    return cs.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static Instant time(String s) {
    try {
      return s == null ? null : OffsetDateTime.parse(s).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static long orZero(Long l) {
    return l == null ? 0 : l;
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
