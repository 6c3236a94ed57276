package dev.canarykit.k8s.alert;

import dev.canarykit.core.model.AlertSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.SecretResolver;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import dev.canarykit.k8s.AlertProvider;
import dev.canarykit.k8s.AlertProviderType;
import dev.canarykit.k8s.alert.AlertDelivery.Reason;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an alert route into an {@link AlertTarget}: finds the AlertProvider (in the route's namespace, else the
 * Canary's), reads {@code address} and {@code token} from its Secret in the provider's namespace, and applies the
 * channel and user-name defaults (docs/flagger-compatibility.md §1.16).
 */
final class ProviderResolver {
  private final AlertProviderLookup providers;
  private final SecretResolver secrets;

  ProviderResolver(AlertProviderLookup providers, SecretResolver secrets) {
    this.providers = providers;
    this.secrets = secrets;
  }

  /**
   * The target of one route, or why there is none.
   *
   * @param target the target, or {@code null} when {@code failure} says why not
   * @param failure the failure, or {@code null}
   */
  record Resolution(AlertTarget target, AlertDelivery.Failed failure) {}

  static String namespace(Canary canary, AlertSpec route) {
    String ns = route.providerRef().namespace();
    return ns == null || ns.isEmpty() ? canary.namespace() : ns;
  }

  Resolution resolve(Canary canary, AlertSpec route) {
    String namespace = namespace(canary, route);
    String name = route.providerRef().name() + "." + namespace;
    Optional<AlertProvider> provider;
    try {
      provider = providers.find(namespace, route.providerRef().name());
    } catch (RuntimeException e) {
      return failed(name, Reason.PROVIDER_NOT_FOUND, "could not be looked up: " + e.getClass().getSimpleName());
    }
    if (provider.isEmpty()) {
      return failed(name, Reason.PROVIDER_NOT_FOUND, "does not exist");
    }
    return resolve(name, provider.get());
  }

  private Resolution resolve(String name, AlertProvider p) {
    Optional<AlertProviderType> type = p.typeOrEmpty();
    if (type.isEmpty()) {
      return failed(name, Reason.PROVIDER_INVALID, "has an unsupported spec.type " + p.type());
    }
    String address = p.address();
    String token = null;
    if (!empty(p.secretRef())) {
      SecretLookup lookup = secrets.resolve(p.namespace(), p.secretRef());
      if (lookup instanceof SecretLookup.Missing) {
        return failed(name, Reason.SECRET_NOT_FOUND, "secret " + p.namespace() + "/" + p.secretRef() + " not found");
      }
      if (lookup instanceof SecretLookup.Failed f) {
        return failed(name, Reason.SECRET_FAILED, f.message());
      }
      Map<String, String> data = lookup.data().orElse(Map.of());
      if (empty(data.get("address"))) {
        return failed(name, Reason.SECRET_WITHOUT_ADDRESS,
            "secret " + p.namespace() + "/" + p.secretRef() + " does not contain an address");
      }
      address = data.get("address");
      token = data.get("token");
    }
    return target(name, p, type.get(), address, token);
  }

  private static Resolution target(String name, AlertProvider p, AlertProviderType type, String address,
      String token) {
    if (empty(address)) {
      return failed(name, Reason.PROVIDER_INVALID, "has no address");
    }
    URI url = httpUrl(address);
    if (url == null) {
      return failed(name, Reason.PROVIDER_INVALID, "address is not an absolute http(s) URL");
    }
    URI proxy = empty(p.proxy()) ? null : httpUrl(p.proxy());
    if (!empty(p.proxy()) && proxy == null) {
      return failed(name, Reason.PROVIDER_INVALID, "spec.proxy is not an absolute http(s) URL");
    }
    return new Resolution(new AlertTarget(type, url, token, p.channel(), p.username(), proxy), null);
  }

  static URI httpUrl(String s) {
    try {
      URI u = new URI(s.trim());
      boolean http = "http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme());
      return http && u.getHost() != null ? u : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static Resolution failed(String name, Reason reason, String what) {
    return new Resolution(null, new AlertDelivery.Failed(name, reason, "alert provider " + name + " " + what));
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }
}
