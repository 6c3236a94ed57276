package dev.canarykit.k8s.alert;

import dev.canarykit.k8s.AlertProvider;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds AlertProviders by namespace and name. A controller backs it with an informer's cache; tests and
 * single-process tools use {@link #of(Collection)}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AlertProviderLookup {

  /**
   * The provider {@code name} in {@code namespace}.
   *
   * @return the provider, or empty when there is none (a typed failure for the alert)
   * @throws RuntimeException when the lookup itself fails (the API server cannot be reached, the read is
   *     forbidden): the dispatcher reports the alert as failed with a provider that "could not be looked up"
   */
  Optional<AlertProvider> find(String namespace, String name);

  /**
   * A lookup that reads {@code flagger.app/v1beta1} AlertProviders from the cluster through {@code client} (one GET
   * per alert: alerts are rare). A read that fails throws the client's exception, so that an outage or a missing
   * permission is not reported as a missing provider.
   */
  static AlertProviderLookup kubernetes(io.fabric8.kubernetes.client.KubernetesClient client) {
    Objects.requireNonNull(client, "client == null");
    return (namespace, name) -> {
      var r = client.resources(dev.canarykit.k8s.resource.AlertProviderResource.class).inNamespace(namespace)
          .withName(name).get();
      return r == null ? Optional.empty() : Optional.of(AlertProvider.of(r));
    };
  }

  /** A fixed, in-memory lookup over {@code providers} (keyed by namespace and name). */
  static AlertProviderLookup of(Collection<AlertProvider> providers) {
    Map<String, AlertProvider> byKey = providers.stream()
        .collect(Collectors.toUnmodifiableMap(AlertProvider::qualifiedName, Function.identity()));
    return (namespace, name) -> Optional.ofNullable(byKey.get(name + "." + Objects.requireNonNull(namespace)));
  }
}
