package dev.canarykit.k8s.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A Canary's {@code spec} with every field of Flagger's {@code v1beta1} schema, so any Canary a Flagger user has
 * today reads unchanged. Fields canarykit does not use (other providers' settings) are kept here and reported as
 * warnings by {@link dev.canarykit.k8s.FlaggerDocuments}.
 *
 * @param provider the mesh provider, or {@code null}
 * @param metricsServer the Prometheus address, or {@code null}
 * @param targetRef the workload to release
 * @param autoscalerRef the target's autoscaler, or {@code null}
 * @param ingressRef an ingress reference (other providers), or {@code null}
 * @param routeRef a route reference (other providers), or {@code null}
 * @param upstreamRef an upstream reference (Gloo/Apisix, not used by canarykit), or {@code null}
 * @param service the generated services and routing
 * @param analysis the analysis, or {@code null}
 * @param canaryAnalysis the legacy name of {@code analysis}, used only when {@code analysis} is absent
 * @param progressDeadlineSeconds the progress deadline, or {@code null}
 * @param skipAnalysis whether analysis is skipped
 * @param revertOnDeletion whether the target is restored on deletion
 * @param suspend whether the canary is suspended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CanaryResourceSpec(
    String provider,
    String metricsServer,
    LocalObjectReference targetRef,
    AutoscalerReference autoscalerRef,
    LocalObjectReference ingressRef,
    LocalObjectReference routeRef,
    ObjectReference upstreamRef,
    CanaryServiceBlock service,
    CanaryAnalysisBlock analysis,
    CanaryAnalysisBlock canaryAnalysis,
    Integer progressDeadlineSeconds,
    Boolean skipAnalysis,
    Boolean revertOnDeletion,
    Boolean suspend) {

  /**
   * A reference to an object in the Canary's namespace ({@code targetRef}, {@code ingressRef}, {@code routeRef}).
   *
   * @param apiVersion its API version, or {@code null}
   * @param kind its kind, or {@code null}
   * @param name its name
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record LocalObjectReference(String apiVersion, String kind, String name) {}

  /**
   * A reference that may cross namespaces ({@code upstreamRef}, {@code templateRef}, {@code providerRef}).
   *
   * @param apiVersion its API version, or {@code null}
   * @param kind its kind, or {@code null}
   * @param name its name
   * @param namespace its namespace (cross-namespace references only), or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ObjectReference(String apiVersion, String kind, String name, String namespace) {}

  /**
   * {@code spec.autoscalerRef}.
   *
   * @param apiVersion e.g. {@code autoscaling/v2beta2}
   * @param kind e.g. {@code HorizontalPodAutoscaler}
   * @param name the autoscaler's name
   * @param primaryScalerQueries KEDA queries for the primary (not used by canarykit), or {@code null}
   * @param primaryScalerReplicas overrides for the primary autoscaler, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AutoscalerReference(String apiVersion, String kind, String name,
      Map<String, String> primaryScalerQueries, ScalerReplicas primaryScalerReplicas) {}

  /**
   * {@code autoscalerRef.primaryScalerReplicas}.
   *
   * @param minReplicas the primary's minimum, or {@code null}
   * @param maxReplicas the primary's maximum, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ScalerReplicas(Integer minReplicas, Integer maxReplicas) {}

  /**
   * Labels and annotations for a generated object ({@code service.apex|primary|canary}).
   *
   * @param labels labels, or {@code null}
   * @param annotations annotations, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MetadataBlock(Map<String, String> labels, Map<String, String> annotations) {}

  /**
   * {@code service.unmanagedMetadata} (not used by canarykit).
   *
   * @param annotations annotation keys left alone, or {@code null}
   * @param labels label keys left alone, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record UnmanagedMetadata(List<String> annotations, List<String> labels) {}
}
