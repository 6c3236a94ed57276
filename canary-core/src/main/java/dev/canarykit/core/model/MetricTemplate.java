package dev.canarykit.core.model;

import dev.canarykit.core.internal.validation.MetricTemplateRules;
import dev.canarykit.core.validation.Violation;
import java.util.List;
import java.util.Map;

/**
 * A Flagger {@code MetricTemplate}: a query and the provider that answers it (docs/flagger-compatibility.md §5.3).
 *
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}; {@code null} or empty means {@code default}
 * @param provider the metrics provider (required)
 * @param query the Go-template query (required), rendered by the provider's adapter
 */
public record MetricTemplate(String name, String namespace, MetricProvider provider, String query) {

  public MetricTemplate {
    namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
  }

  /** Every violation, with root-relative paths ({@code spec.query}, {@code spec.provider.address}). */
  public List<Violation> validate() {
    return MetricTemplateRules.validate(this);
  }

  /** {@code <name>.<namespace>}. */
  public String qualifiedName() {
    return name + "." + namespace;
  }

  /**
   * A MetricTemplate's {@code spec.provider}.
   *
   * @param type {@code prometheus}, {@code datadog}, ... (Flagger's provider types); empty means prometheus
   * @param address the provider's base URL, or {@code null} for the controller's metrics server
   * @param secretRef the name of a Secret in the template's namespace holding credentials, or {@code null}
   * @param headers HTTP headers copied on every request
   * @param region the provider's region (cloud providers), or {@code null}
   * @param insecureSkipVerify whether TLS certificates are not verified
   */
  public record MetricProvider(
      String type, String address, String secretRef, Map<String, List<String>> headers, String region,
      boolean insecureSkipVerify) {

    /** Flagger's provider types. */
    public static final List<String> TYPES = List.of("prometheus", "datadog", "cloudwatch", "newrelic", "graphite",
        "stackdriver", "influxdb", "dynatrace", "keptn", "splunk", "externalmetrics");

    public MetricProvider {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A Prometheus provider at {@code address}. */
    public static MetricProvider prometheus(String address) {
      return new MetricProvider("prometheus", address, null, Map.of(), null, false);
    }

    /** The type, {@code prometheus} when empty. */
    public String typeOrDefault() {
      return type == null || type.isEmpty() ? "prometheus" : type;
    }
  }
}
