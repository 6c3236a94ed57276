package dev.canarykit.k8s.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canarykit.k8s.resource.CanaryResourceSpec.ObjectReference;
import java.util.List;
import java.util.Map;

/**
 * A Canary's {@code spec.analysis} (or legacy {@code spec.canaryAnalysis}), every Flagger field.
 *
 * @param interval the schedule interval, or {@code null}
 * @param iterations A/B and Blue/Green iterations, or {@code null}
 * @param mirror whether traffic is mirrored
 * @param mirrorWeight percent of traffic mirrored, or {@code null}
 * @param maxWeight the maximum canary weight, or {@code null}
 * @param stepWeight the weight step, or {@code null}
 * @param stepWeights explicit weights, or {@code null}
 * @param stepWeightPromotion the promotion weight step, or {@code null}
 * @param threshold failed checks before rollback, or {@code null}
 * @param primaryReadyThreshold percent of primary replicas that must be ready, or {@code null}
 * @param canaryReadyThreshold percent of canary replicas that must be ready, or {@code null}
 * @param alerts alert routes, or {@code null}
 * @param metrics metric checks, or {@code null}
 * @param webhooks webhooks, or {@code null}
 * @param match Istio HTTPMatchRequests for A/B testing, or {@code null}
 * @param sessionAffinity sticky sessions, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CanaryAnalysisBlock(
    String interval,
    Integer iterations,
    Boolean mirror,
    Integer mirrorWeight,
    Integer maxWeight,
    Integer stepWeight,
    List<Integer> stepWeights,
    Integer stepWeightPromotion,
    Integer threshold,
    Integer primaryReadyThreshold,
    Integer canaryReadyThreshold,
    List<Alert> alerts,
    List<Metric> metrics,
    List<Webhook> webhooks,
    List<Map<String, Object>> match,
    SessionAffinityBlock sessionAffinity) {

  /**
   * {@code analysis.metrics[i]}.
   *
   * @param name the metric name
   * @param interval the query window, or {@code null}
   * @param threshold the deprecated threshold, or {@code null}
   * @param thresholdRange the pass range, or {@code null}
   * @param query a deprecated in-line query, or {@code null}
   * @param templateRef the MetricTemplate, or {@code null}
   * @param templateVariables template variables, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Metric(String name, String interval, Double threshold, Range thresholdRange, String query,
      ObjectReference templateRef, Map<String, String> templateVariables) {}

  /**
   * {@code thresholdRange}.
   *
   * @param min the minimum, or {@code null}
   * @param max the maximum, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Range(Double min, Double max) {}

  /**
   * {@code analysis.alerts[i]}.
   *
   * @param name the alert name
   * @param severity {@code info}, {@code warn} or {@code error}, or {@code null}
   * @param providerRef the AlertProvider
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Alert(String name, String severity, ObjectReference providerRef) {}

  /**
   * {@code analysis.webhooks[i]}.
   *
   * @param type the hook type, or {@code null}
   * @param name the hook name
   * @param url the hook URL
   * @param muteAlert whether a gate's alert is muted
   * @param timeout the timeout, or {@code null}
   * @param metadata string metadata, or {@code null}
   * @param retries retries, or {@code null}
   * @param disableTLS whether TLS checks are skipped
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Webhook(String type, String name, String url, Boolean muteAlert, String timeout,
      Map<String, String> metadata, Integer retries, Boolean disableTLS) {}

  /**
   * {@code analysis.sessionAffinity}.
   *
   * @param cookieName the canary cookie name
   * @param domain Domain attribute, or {@code null}
   * @param httpOnly HttpOnly attribute
   * @param maxAge Max-Age in seconds, or {@code null}
   * @param partitioned Partitioned attribute
   * @param path Path attribute, or {@code null}
   * @param sameSite SameSite attribute, or {@code null}
   * @param secure Secure attribute
   * @param primaryCookieName the primary cookie name, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SessionAffinityBlock(String cookieName, String domain, Boolean httpOnly, Integer maxAge,
      Boolean partitioned, String path, String sameSite, Boolean secure, String primaryCookieName) {}
}
