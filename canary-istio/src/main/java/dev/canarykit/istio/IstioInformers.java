package dev.canarykit.istio;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.istio.client.V1APIGroupDSL;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Informer caches of the VirtualServices and DestinationRules ({@code networking.istio.io/v1}) for an
 * {@link IstioTrafficRouter}: with them the router decides from the cache (an idle tick then sends no request) and
 * reads the API server only when a write it based on the cache was rejected as stale (409). Starting costs one
 * list and one watch per kind; {@link #close()} stops both informers; the client stays open (the caller owns it).
 *
 * <pre>{@code
 * try (IstioInformers informers = IstioInformers.start(client, "test")) {
 *   TrafficRouter router = new IstioTrafficRouter(client, CanaryOwners.lookup(client), informers);
 *   ...
 * }
 * }</pre>
 */
public final class IstioInformers implements AutoCloseable {
  private final SharedIndexInformer<VirtualService> virtualServices;
  private final SharedIndexInformer<DestinationRule> destinationRules;

  private IstioInformers(SharedIndexInformer<VirtualService> vs, SharedIndexInformer<DestinationRule> dr) {
    this.virtualServices = vs;
    this.destinationRules = dr;
  }

  /**
   * Starts both informers and waits for their first list.
   *
   * @param namespace the namespace watched, or {@code null} for every namespace
   */
  public static IstioInformers start(KubernetesClient client, String namespace) {
    V1APIGroupDSL istio = client.adapt(IstioClient.class).v1();
    return namespace == null
        ? new IstioInformers(istio.virtualServices().inAnyNamespace().inform(),
            istio.destinationRules().inAnyNamespace().inform())
        : new IstioInformers(istio.virtualServices().inNamespace(namespace).inform(),
            istio.destinationRules().inNamespace(namespace).inform());
  }

  /** The cached VirtualService (shared with the informer: never modify it), or {@code null}. */
  VirtualService virtualService(String namespace, String name) {
    return get(virtualServices, namespace, name);
  }

  /** The cached DestinationRule (shared with the informer: never modify it), or {@code null}. */
  DestinationRule destinationRule(String namespace, String name) {
    return get(destinationRules, namespace, name);
  }

  private static <T extends HasMetadata> T get(SharedIndexInformer<T> informer, String namespace, String name) {
    return informer.getStore().getByKey(namespace + "/" + name);
  }

  /** Stops both informers; the client stays open. */
  @Override
  public void close() {
    virtualServices.stop();
    destinationRules.stop();
  }
}
