package dev.canarykit.k8s.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A MetricTemplate's {@code spec}.
 *
 * @param provider the metrics provider
 * @param query the Go-template query
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricTemplateResourceSpec(Provider provider, String query) {

  /**
   * {@code spec.provider}.
   *
   * @param type the provider type, or {@code null} (prometheus)
   * @param address the provider's URL, or {@code null}
   * @param headers HTTP headers, or {@code null}
   * @param secretRef a Secret in the template's namespace, or {@code null}
   * @param region the region, or {@code null}
   * @param insecureSkipVerify whether TLS verification is off
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Provider(String type, String address, Map<String, List<String>> headers, SecretReference secretRef,
      String region, Boolean insecureSkipVerify) {}

  /**
   * A Secret in the same namespace ({@code secretRef}).
   *
   * @param name the Secret's name
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SecretReference(String name) {}
}
