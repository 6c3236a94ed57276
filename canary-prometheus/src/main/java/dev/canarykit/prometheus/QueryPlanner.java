package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.core.port.MetricTemplateLookup;
import dev.canarykit.core.port.SecretResolver;
import dev.canarykit.prometheus.QueryPlan.Failed;
import dev.canarykit.prometheus.QueryPlan.Reason;
import java.net.URI;
import java.util.Optional;

/** Turns a metric into a {@link QueryPlan}: which Prometheus, which credentials, which rendered query. */
final class QueryPlanner {
  private final URI defaultServer;
  private final URI override;
  private final MetricTemplateLookup templates;
  private final ProviderCredentials credentials;

  QueryPlanner(URI defaultServer, URI override, MetricTemplateLookup templates, SecretResolver secrets) {
    this.defaultServer = defaultServer;
    this.override = override;
    this.templates = templates;
    this.credentials = new ProviderCredentials(secrets);
  }

  /** Where a metric's query goes and the text to render, or why it cannot be bound. */
  sealed interface Binding {}

  /**
   * A bound metric.
   *
   * @param endpoint the Prometheus to ask
   * @param template the query text to render
   * @param errorPrefix for template metrics, {@code Metric template <t>.<ns> }; empty otherwise
   */
  record Bound(Endpoint endpoint, String template, String errorPrefix) implements Binding {}

  /** A metric that cannot be bound. */
  record Unbound(Failed failed) implements Binding {}

  QueryPlan plan(Canary canary, MetricSpec metric) {
    Binding binding = bind(canary, metric);
    if (binding instanceof Unbound u) {
      return u.failed();
    }
    Bound b = (Bound) binding;
    TemplateRenderer.Result r = TemplateRenderer.render(b.template(), TemplateModel.of(canary, metric));
    if (r instanceof TemplateRenderer.Ok ok) {
      return new QueryPlan.Ready(b.endpoint(), QueryText.collapse(ok.text()));
    }
    RenderError e = ((TemplateRenderer.Err) r).error();
    Reason reason = e.kind() == RenderError.Kind.UNSAFE_VALUE ? Reason.UNSAFE_VALUE : Reason.RENDER;
    return b.errorPrefix().isEmpty()
        ? new Failed(reason, new MetricError("rendering query failed: " + e.message(), false))
        : new Failed(reason, new MetricError(b.errorPrefix() + "query render error: " + e.message(), true));
  }

  Binding bind(Canary canary, MetricSpec metric) {
    switch (metric.kind()) {
      case BUILTIN:
        return builtin(canary, BuiltinQueries.template(metric.name()).orElseThrow());
      case QUERY:
        return builtin(canary, metric.query());
      case TEMPLATE:
        return template(canary, metric.templateRef());
      default:
        return new Unbound(new Failed(Reason.UNUSABLE, new MetricError(
            "Metric query failed for no usable metrics template and query were configured", true)));
    }
  }

  /** Where built-in queries go for {@code canary} (the judge's counts go there too); the template is empty. */
  Binding builtinServer(Canary canary) {
    return builtin(canary, "");
  }

  private Binding builtin(Canary canary, String text) {
    String server = canary.spec().metricsServer();
    Optional<URI> address = override != null ? Optional.of(override)
        : server == null || server.isBlank() ? Optional.of(defaultServer) : Addresses.parse(server);
    return address.<Binding>map(a -> new Bound(Endpoint.of(a), text, ""))
        .orElseGet(() -> new Unbound(new Failed(Reason.PROVIDER, new MetricError(
            "error building Prometheus client for " + Addresses.describe(server) + ": not a valid http(s) URL",
            false))));
  }

  private Binding template(Canary canary, MetricSpec.TemplateRef ref) {
    String ns = ref.namespace() == null || ref.namespace().isEmpty() ? canary.namespace() : ref.namespace();
    String prefix = "Metric template " + ref.name() + "." + ns + " ";
    Optional<MetricTemplate> found = templates.find(ns, ref.name());
    if (found.isEmpty()) {
      return new Unbound(new Failed(Reason.TEMPLATE_NOT_FOUND,
          new MetricError(prefix + "error: metrictemplate \"" + ref.name() + "\" not found", true)));
    }
    return new ProviderBinder(override, defaultServer, credentials).bind(found.get(), prefix);
  }
}
