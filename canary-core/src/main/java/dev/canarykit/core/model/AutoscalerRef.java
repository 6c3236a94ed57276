package dev.canarykit.core.model;

/**
 * The target's autoscaler ({@code spec.autoscalerRef}). {@code autoscaling/v2beta2} references are accepted and
 * served by whichever autoscaling version the cluster has.
 *
 * @param apiVersion e.g. {@code autoscaling/v2}
 * @param kind e.g. {@code HorizontalPodAutoscaler}
 * @param name the source autoscaler's name
 * @param primaryScalerReplicas optional overrides of the primary autoscaler's min and max, or {@code null}
 */
public record AutoscalerRef(String apiVersion, String kind, String name, PrimaryScalerReplicas primaryScalerReplicas) {
  /**
   * Overrides for the primary autoscaler ({@code autoscalerRef.primaryScalerReplicas}).
   *
   * @param minReplicas the primary's minimum, or {@code null} to copy the source's
   * @param maxReplicas the primary's maximum, or {@code null} to copy the source's
   */
  public record PrimaryScalerReplicas(Integer minReplicas, Integer maxReplicas) {}
}
