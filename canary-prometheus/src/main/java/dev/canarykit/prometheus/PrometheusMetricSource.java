package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.core.port.MetricTemplateLookup;
import dev.canarykit.core.port.SecretResolver;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link MetricSource} for Prometheus (docs/flagger-compatibility.md §5).
 *
 * <p>Built-in metrics ({@code request-success-rate}, {@code request-duration}) run Flagger's Istio queries
 * ({@link BuiltinQueries}) against the Canary's {@code metricsServer}, else the default server; in-line
 * {@code query} metrics are rendered the same way. Template metrics look their {@code MetricTemplate} up
 * ({@link MetricTemplateLookup}; the reference's namespace defaults to the Canary's), read the provider's
 * {@code secretRef} through the {@link SecretResolver} (key {@code token} for a bearer token, else
 * {@code username} and {@code password}), and render the template's query. Every value substituted into PromQL is
 * checked first (Kubernetes names, Prometheus durations, template variables): a crafted value fails the check with
 * {@link QueryPlan.Reason#UNSAFE_VALUE} and is never sent.
 *
 * <p><b>Interval.</b> {@code {{ interval }}} is the metric's {@code interval}; a metric without one gets
 * {@value MetricSpec#DEFAULT_INTERVAL}, for templates too. The core machine already defaults every metric's
 * interval to {@value MetricSpec#DEFAULT_INTERVAL} before it asks; this source applies the same default when called
 * directly (for example by the {@code check} command). Flagger renders an empty window for templates, which
 * Prometheus rejects (docs/decisions.md).
 *
 * <p><b>Results.</b> Only an instant vector is read: one series is the value (as Prometheus gave it, infinities
 * included; the core machine refuses values impossible for the metric, see {@link MetricSpec#impossibleValue}), an
 * empty vector or NaN is {@link Outcome.NoData} ({@code no values found}), anything else (several series, a
 * scalar, a matrix, a sample that is not a JSON string) is an {@link Outcome.MetricError}. Template
 * lookup, secret, provider and render failures are errors whose message is the complete Flagger event text
 * ({@code setup = true}); query failures are prefixed by the machine.
 *
 * <p><b>Counts for the statistical judge.</b> {@link #counts(Canary, Duration)} asks the same server as the built-in
 * metrics (with the same client, retries and circuit breaker) for the requests, 5xx failures and cumulative
 * latency buckets of the workloads {@code <targetRef.name>} (the canary) and {@code <targetRef.name>-primary} in
 * the Canary's namespace, per client ({@code source_workload}), from Istio's destination-side telemetry over the
 * window, all three evaluated at one
 * instant of the builder's clock. A workload without series counts zero; a bucket edge Prometheus did not return
 * takes the next lower known cumulative value; a value that is not a count ({@code NaN}, an infinity, a negative
 * number) fails the interval.
 *
 * <p><b>For the {@code check} command.</b> {@link #plan(Canary, MetricSpec)} renders a metric's query without
 * sending it, and {@link #execute(QueryPlan.Ready)} runs a plan and returns the raw value.
 *
 * <p><b>In a controller.</b> {@link #factory(PrometheusClient)} builds one source per metrics server with the
 * controller's MetricTemplate lookup and Secret resolver (canary-k8s reads both from the cluster).
 *
 * <pre>{@code
 * var source = PrometheusMetricSource.builder(URI.create("http://prometheus:9090"))
 *     .client(PrometheusClient.builder().httpClient(http).build())
 *     .templates(lookup).secrets(secretResolver).build();
 * }</pre>
 */
public final class PrometheusMetricSource implements MetricSource {
  /** The probe query (§5.6). */
  public static final String PROBE_QUERY = "vector(1)";

  private final PrometheusClient client;
  private final QueryPlanner planner;
  private final ProviderProbe probe;
  private final VersionCounter counter;

  private PrometheusMetricSource(Builder b) {
    this.client = b.client == null ? PrometheusClient.builder().build() : b.client;
    this.planner = new QueryPlanner(b.defaultServer, b.override, b.templates, b.secrets);
    this.probe = new ProviderProbe(planner, client);
    this.counter = new VersionCounter(planner, client, b.clock);
  }

  /**
   * Starts a builder.
   *
   * @param defaultServer the metrics server for canaries without {@code metricsServer} and templates without an
   *     address, e.g. {@link PrometheusDefaults#METRICS_SERVER}
   */
  public static Builder builder(URI defaultServer) {
    return new Builder(Objects.requireNonNull(defaultServer, "defaultServer == null"));
  }

  /**
   * The factory a controller uses to build the source of each metrics server: {@code server} is the default
   * server of the source, {@code client} is shared by every source, templates and secrets come from the
   * controller. An address that is not an absolute http(s) URL gives a source whose every query, probe and count
   * fails with {@code error building Prometheus client for '<address>': not a valid http(s) URL}.
   */
  public static MetricSource.Factory factory(PrometheusClient client) {
    Objects.requireNonNull(client, "client == null");
    return (server, templates, secrets) -> Addresses.parse(server)
        .<MetricSource>map(uri -> builder(uri).client(client).templates(templates).secrets(secrets).build())
        .orElseGet(() -> new UnusableServer(server));
  }

  /** {@link #factory(PrometheusClient)} with a default {@link PrometheusClient} shared by every source. */
  public static MetricSource.Factory factory() {
    return factory(PrometheusClient.builder().build());
  }

  @Override
  public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
    QueryPlan plan = plan(canary, metric);
    return plan instanceof QueryPlan.Ready ready ? execute(ready) : ((QueryPlan.Failed) plan).error();
  }

  /**
   * Resolves and renders {@code metric}'s query without sending it.
   *
   * @return a ready plan (endpoint and whitespace-collapsed query) or why the metric cannot be queried
   */
  public QueryPlan plan(Canary canary, MetricSpec metric) {
    try {
      return planner.plan(canary, metric);
    } catch (RuntimeException e) {
      client.unexpected("planning metric " + metric.name() + " of canary " + canary.qualifiedName(), e);
      return new QueryPlan.Failed(QueryPlan.Reason.PROVIDER,
          new Outcome.MetricError("cannot plan metric " + metric.name() + ": " + e.getClass().getSimpleName(), false));
    }
  }

  /** Runs a ready plan: the raw value, no data or an error. */
  public Outcome.MetricResult execute(QueryPlan.Ready plan) {
    return execute(plan, null);
  }

  /**
   * Runs a ready plan evaluated at {@code time} (a backtest's tick), or at Prometheus' "now" when {@code null}.
   *
   * @return the raw value, no data or an error; never thrown
   */
  public Outcome.MetricResult execute(QueryPlan.Ready plan, java.time.Instant time) {
    return client.instant(plan.endpoint(), plan.promql(), time);
  }

  /**
   * Checks every provider the canary's metrics use with {@value #PROBE_QUERY} (§5.6).
   *
   * @return {@link Outcome#OK}, or {@link Outcome.Failed} with the first provider's error
   */
  @Override
  public Outcome.OkResult probe(Canary canary) {
    return probe.probe(canary);
  }

  /**
   * Counts what the primary and the canary served over the last {@code window} (see the class comment).
   *
   * <p>The window is rendered in whole seconds ({@code 60s}), or in milliseconds when it has a fraction of a
   * second. The target name and namespace are checked as Kubernetes names before any query is built (dots in the
   * name are escaped in the workload regex). A query error, an unsafe value, an unusable {@code metricsServer}
   * or an impossible count is an {@link Outcome.Failed} starting {@code cannot count requests per version: },
   * whose message never contains credentials; nothing is thrown.
   *
   * @return {@link Outcome.Counts} or {@link Outcome.Failed}
   */
  @Override
  public Outcome.CountsResult counts(Canary canary, Duration window) {
    try {
      return counter.counts(canary, Objects.requireNonNull(window, "window == null"));
    } catch (RuntimeException e) {
      client.unexpected("counting requests per version of canary " + canary.qualifiedName(), e);
      return new Outcome.Failed(VersionCounter.PREFIX + e.getClass().getSimpleName());
    }
  }

  /** The HTTP side this source queries with (a backtest's history shares it). */
  PrometheusClient client() {
    return client;
  }

  /** How this source binds metrics to servers (a backtest's history shares it). */
  QueryPlanner planner() {
    return planner;
  }

  /** Builds a {@link PrometheusMetricSource}. */
  public static final class Builder {
    private final URI defaultServer;
    private URI override;
    private PrometheusClient client;
    private MetricTemplateLookup templates = MetricTemplateLookup.NONE;
    private SecretResolver secrets;
    private Clock clock = Clock.systemUTC();

    private Builder(URI defaultServer) {
      this.defaultServer = defaultServer;
    }

    /** The HTTP side (timeouts, TLS, retries, breaker); default {@code PrometheusClient.builder().build()}. */
    public Builder client(PrometheusClient c) {
      this.client = Objects.requireNonNull(c, "client == null");
      return this;
    }

    /** Where template metrics find their templates; default: none (every template metric fails its check). */
    public Builder templates(MetricTemplateLookup lookup) {
      this.templates = Objects.requireNonNull(lookup, "lookup == null");
      return this;
    }

    /** Reads providers' {@code secretRef}; default: none (a template with a secretRef fails its check). */
    public Builder secrets(SecretResolver resolver) {
      this.secrets = Objects.requireNonNull(resolver, "resolver == null");
      return this;
    }

    /** An address that replaces every provider address and metrics server (the {@code check --prometheus}). */
    public Builder overrideAddress(URI address) {
      this.override = Objects.requireNonNull(address, "address == null");
      return this;
    }

    /** The clock whose instant is the evaluation time of {@code counts}' queries; default the system clock. */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock == null");
      return this;
    }

    public PrometheusMetricSource build() {
      return new PrometheusMetricSource(this);
    }
  }
}
