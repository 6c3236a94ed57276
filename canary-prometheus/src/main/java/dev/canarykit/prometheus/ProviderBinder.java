package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.core.model.MetricTemplate.MetricProvider;
import dev.canarykit.prometheus.QueryPlan.Failed;
import dev.canarykit.prometheus.QueryPlan.Reason;
import java.net.URI;
import java.util.Optional;

/** Binds a MetricTemplate to its Prometheus endpoint: type, address, credentials, headers, TLS. */
final class ProviderBinder {
  private final URI override;
  private final URI defaultServer;
  private final ProviderCredentials credentials;

  ProviderBinder(URI override, URI defaultServer, ProviderCredentials credentials) {
    this.override = override;
    this.defaultServer = defaultServer;
    this.credentials = credentials;
  }

  QueryPlanner.Binding bind(MetricTemplate t, String prefix) {
    MetricProvider p = t.provider() == null ? MetricProvider.prometheus(null) : t.provider();
    String type = p.typeOrDefault();
    if (!type.equals("prometheus") && MetricProvider.TYPES.contains(type)) {
      return failed(Reason.PROVIDER, prefix + "provider " + type + " error: provider type " + type
          + " is not supported by the Prometheus metric source");
    }
    Optional<URI> address = override != null ? Optional.of(override)
        : p.address() == null || p.address().isBlank() ? Optional.of(defaultServer) : Addresses.parse(p.address());
    if (address.isEmpty()) {
      return failed(Reason.PROVIDER, prefix + "provider " + type + " error: prometheus address "
          + Addresses.describe(p.address()) + " is not a valid URL");
    }
    Credentials creds = Credentials.NONE;
    if (p.secretRef() != null && !p.secretRef().isEmpty()) {
      ProviderCredentials.Result r = credentials.read(t.namespace(), p.secretRef());
      if (r instanceof ProviderCredentials.SecretError e) {
        return failed(Reason.SECRET, prefix + "secret " + p.secretRef() + " error: " + e.message());
      }
      if (r instanceof ProviderCredentials.Unusable u) {
        return failed(Reason.PROVIDER, prefix + "provider " + type + " error: " + u.message());
      }
      creds = ((ProviderCredentials.Found) r).credentials();
    }
    Endpoint endpoint = new Endpoint(address.get(), p.headers(), creds, p.insecureSkipVerify());
    return new QueryPlanner.Bound(endpoint, t.query() == null ? "" : t.query(), prefix);
  }

  private static QueryPlanner.Binding failed(Reason reason, String message) {
    return new QueryPlanner.Unbound(new Failed(reason, new MetricError(message, true)));
  }
}
