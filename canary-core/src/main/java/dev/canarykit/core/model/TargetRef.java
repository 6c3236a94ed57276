package dev.canarykit.core.model;

/**
 * The workload a Canary drives ({@code spec.targetRef}), for example {@code apps/v1 Deployment podinfo}.
 *
 * @param apiVersion the target's API version, e.g. {@code apps/v1}
 * @param kind the target's kind, e.g. {@code Deployment}
 * @param name the target's name in the Canary's namespace
 */
public record TargetRef(String apiVersion, String kind, String name) {
  /** A Deployment target in {@code apps/v1}. */
  public static TargetRef deployment(String name) {
    return new TargetRef("apps/v1", "Deployment", name);
  }
}
