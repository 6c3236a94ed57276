package dev.canarykit.k8s.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canarykit.k8s.resource.CanaryResourceSpec.MetadataBlock;
import dev.canarykit.k8s.resource.CanaryResourceSpec.UnmanagedMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Map;

/**
 * A Canary's {@code spec.service}, every Flagger field. Istio blocks are JSON-like trees passed through.
 *
 * @param name the apex service name, or {@code null}
 * @param port the service port
 * @param portName the port name, or {@code null}
 * @param targetPort the container port number or name, or {@code null}
 * @param appProtocol the port's appProtocol, or {@code null}
 * @param trafficDistribution the Service's trafficDistribution (not used by canarykit), or {@code null}
 * @param portDiscovery whether every container port is exposed
 * @param headless whether the services are headless
 * @param timeout the route timeout, or {@code null}
 * @param backendTimeout a Gateway API backend timeout (not used by canarykit), or {@code null}
 * @param gateways Istio gateways, or {@code null}
 * @param gatewayRefs Gateway API parent references (not used by canarykit), or {@code null}
 * @param hosts VirtualService hosts, or {@code null}
 * @param delegation whether the VirtualService is a delegate
 * @param trafficPolicy Istio TrafficPolicy, or {@code null}
 * @param match Istio HTTPMatchRequests, or {@code null}
 * @param rewrite HTTP rewrite, or {@code null}
 * @param retries Istio HTTPRetry, or {@code null}
 * @param headers Istio Headers, or {@code null}
 * @param mirror Gateway API mirror filters (not used by canarykit), or {@code null}
 * @param corsPolicy Istio CorsPolicy, or {@code null}
 * @param meshName an App Mesh name (not used by canarykit), or {@code null}
 * @param backends App Mesh backends (not used by canarykit), or {@code null}
 * @param apex apex metadata, or {@code null}
 * @param primary primary metadata, or {@code null}
 * @param canary canary metadata, or {@code null}
 * @param unmanagedMetadata metadata keys left alone (not used by canarykit), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CanaryServiceBlock(
    String name,
    Integer port,
    String portName,
    IntOrString targetPort,
    String appProtocol,
    String trafficDistribution,
    Boolean portDiscovery,
    Boolean headless,
    String timeout,
    String backendTimeout,
    List<String> gateways,
    List<Map<String, Object>> gatewayRefs,
    List<String> hosts,
    Boolean delegation,
    Map<String, Object> trafficPolicy,
    List<Map<String, Object>> match,
    Map<String, Object> rewrite,
    Map<String, Object> retries,
    Map<String, Object> headers,
    List<Map<String, Object>> mirror,
    Map<String, Object> corsPolicy,
    String meshName,
    List<String> backends,
    MetadataBlock apex,
    MetadataBlock primary,
    MetadataBlock canary,
    UnmanagedMetadata unmanagedMetadata) {}
