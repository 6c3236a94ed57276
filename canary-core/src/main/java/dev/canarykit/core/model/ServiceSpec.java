package dev.canarykit.core.model;

import dev.canarykit.core.internal.IstioBlocks;
import java.util.List;
import java.util.Map;

/**
 * The Canary's {@code spec.service}: the ClusterIP services and the mesh routing canarykit generates.
 *
 * <p>The Istio blocks ({@code match}, {@code rewrite}, {@code retries}, {@code headers}, {@code corsPolicy},
 * {@code trafficPolicy}) are immutable JSON-like trees ({@link JsonTree}) passed through to the router, which
 * writes only the fields of Flagger's schema ({@link IstioBlocks}); validation reports the others.
 *
 * @param name the apex service name, or {@code null} for the target's name
 * @param port the service port (required, 1-65535)
 * @param targetPort the container port number or name, or {@code null} for {@code port}
 * @param portName the port name, or {@code null} for {@code http}
 * @param portDiscovery whether every container port is exposed too
 * @param appProtocol the port's appProtocol, {@code tcp} for TCP routing, or {@code null}
 * @param headless whether the generated services are headless
 * @param gateways Istio gateways; empty means {@code mesh}
 * @param hosts VirtualService hosts; the apex name is appended unless present or {@code *}
 * @param delegation whether the VirtualService is a delegate (no hosts, no gateways)
 * @param match Istio HTTPMatchRequests
 * @param rewrite Istio HTTPRewrite, or {@code null}
 * @param timeout Istio route timeout (Go duration), or {@code null}
 * @param retries Istio HTTPRetry, or {@code null}
 * @param headers Istio Headers, or {@code null}
 * @param corsPolicy Istio CorsPolicy, or {@code null}
 * @param trafficPolicy Istio TrafficPolicy for both DestinationRules, or {@code null}
 * @param apex metadata for the apex service and VirtualService
 * @param primary metadata for the primary service
 * @param canary metadata for the canary service
 */
public record ServiceSpec(
    String name,
    Integer port,
    String targetPort,
    String portName,
    boolean portDiscovery,
    String appProtocol,
    boolean headless,
    List<String> gateways,
    List<String> hosts,
    boolean delegation,
    List<Map<String, Object>> match,
    Map<String, Object> rewrite,
    String timeout,
    Map<String, Object> retries,
    Map<String, Object> headers,
    Map<String, Object> corsPolicy,
    Map<String, Object> trafficPolicy,
    CustomMetadata apex,
    CustomMetadata primary,
    CustomMetadata canary) {

  /** Default port name. */
  public static final String DEFAULT_PORT_NAME = "http";

  public ServiceSpec {
    gateways = Maps.copy(gateways);
    hosts = Maps.copy(hosts);
    match = JsonTree.copyObjects(match);
    rewrite = JsonTree.copyObject(rewrite);
    retries = JsonTree.copyObject(retries);
    headers = JsonTree.copyObject(headers);
    corsPolicy = JsonTree.copyObject(corsPolicy);
    trafficPolicy = JsonTree.copyObject(trafficPolicy);
    apex = apex == null ? CustomMetadata.EMPTY : apex;
    primary = primary == null ? CustomMetadata.EMPTY : primary;
    canary = canary == null ? CustomMetadata.EMPTY : canary;
  }

  /** Starts a builder for a service on {@code port}. */
  public static Builder builder(int port) {
    return new Builder().port(port);
  }

  /** A builder initialised with this service's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.port = port;
    b.targetPort = targetPort;
    b.portName = portName;
    b.portDiscovery = portDiscovery;
    b.appProtocol = appProtocol;
    b.headless = headless;
    b.gateways = gateways;
    b.hosts = hosts;
    b.delegation = delegation;
    b.match = match;
    b.rewrite = rewrite;
    b.timeout = timeout;
    b.retries = retries;
    b.headers = headers;
    b.corsPolicy = corsPolicy;
    b.trafficPolicy = trafficPolicy;
    b.apex = apex;
    b.primary = primary;
    b.canary = canary;
    return b;
  }

  /** Builds a {@link ServiceSpec}; values are checked by validation, not here. */
  public static final class Builder {
    private String name;
    private Integer port;
    private String targetPort;
    private String portName;
    private boolean portDiscovery;
    private String appProtocol;
    private boolean headless;
    private List<String> gateways;
    private List<String> hosts;
    private boolean delegation;
    private List<Map<String, Object>> match;
    private Map<String, Object> rewrite;
    private String timeout;
    private Map<String, Object> retries;
    private Map<String, Object> headers;
    private Map<String, Object> corsPolicy;
    private Map<String, Object> trafficPolicy;
    private CustomMetadata apex;
    private CustomMetadata primary;
    private CustomMetadata canary;

    private Builder() {}

    public Builder name(String v) { name = v; return this; }
    public Builder port(Integer v) { port = v; return this; }
    public Builder targetPort(String v) { targetPort = v; return this; }
    public Builder portName(String v) { portName = v; return this; }
    public Builder portDiscovery(boolean v) { portDiscovery = v; return this; }
    public Builder appProtocol(String v) { appProtocol = v; return this; }
    public Builder headless(boolean v) { headless = v; return this; }
    public Builder gateways(List<String> v) { gateways = v; return this; }
    public Builder hosts(List<String> v) { hosts = v; return this; }
    public Builder delegation(boolean v) { delegation = v; return this; }
    public Builder match(List<Map<String, Object>> v) { match = v; return this; }
    public Builder rewrite(Map<String, Object> v) { rewrite = v; return this; }
    public Builder timeout(String v) { timeout = v; return this; }
    public Builder retries(Map<String, Object> v) { retries = v; return this; }
    public Builder headers(Map<String, Object> v) { headers = v; return this; }
    public Builder corsPolicy(Map<String, Object> v) { corsPolicy = v; return this; }
    public Builder trafficPolicy(Map<String, Object> v) { trafficPolicy = v; return this; }
    public Builder apex(CustomMetadata v) { apex = v; return this; }
    public Builder primary(CustomMetadata v) { primary = v; return this; }
    public Builder canary(CustomMetadata v) { canary = v; return this; }

    public ServiceSpec build() {
      return new ServiceSpec(name, port, targetPort, portName, portDiscovery, appProtocol, headless, gateways, hosts,
          delegation, match, rewrite, timeout, retries, headers, corsPolicy, trafficPolicy, apex, primary, canary);
    }
  }

  /**
   * Labels and annotations added to a generated object ({@code service.apex}, {@code service.primary},
   * {@code service.canary}).
   *
   * @param labels labels to add, never {@code null}
   * @param annotations annotations to add, never {@code null}
   */
  public record CustomMetadata(Map<String, String> labels, Map<String, String> annotations) {
    /** No labels and no annotations. */
    public static final CustomMetadata EMPTY = new CustomMetadata(Map.of(), Map.of());

    public CustomMetadata {
      labels = Maps.copy(labels);
      annotations = Maps.copy(annotations);
    }
  }
}
