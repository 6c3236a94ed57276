package dev.canarykit.core.testing;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import java.util.Map;

/** The mutable workloads behind {@link InMemoryWorkloadStore}; guarded by the store's lock. */
final class WorkloadState {
  String targetRevision;
  Map<String, String> targetConfigs = Map.of();
  int targetReplicas;
  boolean targetExists = true;
  String primaryRevision;
  Map<String, String> primaryConfigs = Map.of();
  int primaryReplicas;
  boolean primaryAutoscaler;
  boolean apexSelectsPrimary;
  int promotions;

  WorkloadState(String revision, int replicas) {
    targetRevision = revision;
    targetReplicas = replicas;
  }

  Outcome.RevisionResult observe(Canary canary) {
    if (!targetExists) {
      return missing(canary);
    }
    return new Outcome.Revision(targetRevision, targetConfigs);
  }

  Outcome.OkResult ensurePrimary(Canary canary) {
    if (!targetExists) {
      return missing(canary);
    }
    if (primaryRevision == null) {
      primaryRevision = targetRevision;
      primaryConfigs = targetConfigs;
      primaryReplicas = targetReplicas > 0 ? targetReplicas : 1;
    }
    return Outcome.OK;
  }

  Outcome.OkResult autoscaler(Canary canary) {
    if (canary.spec().autoscalerRef() != null) {
      primaryAutoscaler = true;
    }
    return Outcome.OK;
  }

  Outcome.OkResult apexToPrimary() {
    apexSelectsPrimary = true;
    return Outcome.OK;
  }

  Outcome.OkResult scaleToZero() {
    targetReplicas = 0;
    return Outcome.OK;
  }

  Outcome.OkResult scaleFromZero(Canary canary) {
    if (targetReplicas == 0) {
      targetReplicas = canary.spec().autoscalerRef() == null && primaryReplicas > 0 ? primaryReplicas : 1;
    }
    return Outcome.OK;
  }

  Outcome.OkResult promote(Canary canary) {
    if (primaryRevision == null) {
      return new Outcome.Failed("deployment " + canary.spec().targetRef().name() + "-primary." + canary.namespace()
          + " not found");
    }
    primaryRevision = targetRevision;
    primaryConfigs = targetConfigs;
    promotions++;
    return Outcome.OK;
  }

  Outcome.OkResult revert() {
    targetReplicas = primaryReplicas > 0 ? primaryReplicas : 1;
    apexSelectsPrimary = false;
    return Outcome.OK;
  }

  private static Outcome.Failed missing(Canary canary) {
    return new Outcome.Failed("deployment " + canary.spec().targetRef().name() + "." + canary.namespace()
        + " not found");
  }
}
