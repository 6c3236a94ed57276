package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.backtest.BacktestException;
import dev.canarykit.core.backtest.History;
import dev.canarykit.core.backtest.History.Observation;
import dev.canarykit.core.backtest.ReleaseWindow;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.MetricTemplateLookup;
import dev.canarykit.core.port.SecretResolver;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A backtest's {@link History} read from Prometheus: every metric is the query the live analysis sends (Flagger's
 * built-in queries, in-line queries and MetricTemplates, rendered by {@link PrometheusMetricSource}) run as an
 * instant query evaluated at the tick's time; the counts per version are {@link PrometheusMetricSource#counts}
 * evaluated at the same time.
 *
 * <p>{@link #check} fails fast, before any tick is read, on: a metric that cannot be queried (a missing template,
 * a provider or secret problem), an unreachable server, a window that ends after the server's current time or
 * starts before its retention, and a window in which either version has no series ("no series for
 * podinfo-primary in test between ...: is the window right?"). The series check runs over chunks of at most
 * {@link Builder#chunk} and splits a chunk the server refuses (a timeout, too many samples) in halves.
 *
 * <p>While reading ticks, a failed query is kept as the live analysis would have seen it, unless the server no
 * longer answers at all ({@code vector(1)} fails too): then the backtest stops with a {@link BacktestException}
 * rather than deciding from errors that history never held. Not thread-safe: one backtest at a time.
 *
 * <pre>{@code
 * History history = PrometheusHistory.builder(URI.create("http://prometheus:9090"))
 *     .overrideAddress(URI.create("http://prometheus:9090")).templates(lookup).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PrometheusHistory implements History {
  private final TickClock clock = new TickClock();
  private final PrometheusClient client;
  private final PrometheusMetricSource source;
  private final QueryPlanner planner;
  private final Duration chunk;

  private PrometheusHistory(Builder b) {
    this.source = b.source.clock(clock).build();
    this.client = source.client();
    this.planner = source.planner();
    this.chunk = b.chunk;
  }

  /** Starts a builder; {@code defaultServer} as for {@link PrometheusMetricSource#builder}. */
  public static Builder builder(URI defaultServer) {
    return new Builder(Objects.requireNonNull(defaultServer, "defaultServer == null"));
  }

  @Override
  public void check(Canary canary, ReleaseWindow window) {
    List<String> unusable = new ArrayList<>();
    for (MetricSpec m : canary.spec().analysisOrEmpty().metrics()) {
      if (source.plan(canary, query(m)) instanceof QueryPlan.Failed f) {
        unusable.add("metric " + m.name() + ": " + f.error().message());
      }
    }
    if (!unusable.isEmpty()) {
      throw new BacktestException(canary.qualifiedName() + ": " + String.join("; ", unusable));
    }
    Endpoint endpoint = builtinEndpoint(canary);
    String target = canary.spec().targetRef().name();
    Duration interval = canary.spec().analysisOrEmpty().intervalOrDefault();
    CountQueries.refusal(canary.namespace(), target, interval).ifPresent(r -> {
      throw new BacktestException(canary.qualifiedName() + ": " + r);
    });
    new RetentionCheck(client).check(endpoint, window);
    Duration smallest = interval.compareTo(Duration.ofMinutes(1)) > 0 ? interval : Duration.ofMinutes(1);
    new SeriesPresence(client, chunk, smallest).check(endpoint, canary.namespace(), target, window.start(),
        window.end());
  }

  @Override
  public Observation observe(Canary canary, Instant at) {
    Map<String, Outcome.MetricResult> metrics = new LinkedHashMap<>();
    for (MetricSpec m : canary.spec().analysisOrEmpty().metrics()) {
      QueryPlan plan = source.plan(canary, query(m));
      Outcome.MetricResult r = plan instanceof QueryPlan.Ready ready ? source.execute(ready, at)
          : ((QueryPlan.Failed) plan).error();
      if (plan instanceof QueryPlan.Ready ready && r instanceof Outcome.MetricError e) {
        ensureAnswering(ready.endpoint(), at, e.message());
      }
      metrics.put(m.name(), r);
    }
    clock.set(at);
    Outcome.CountsResult counts = source.counts(canary, canary.spec().analysisOrEmpty().intervalOrDefault());
    if (counts instanceof Outcome.Failed f) {
      ensureAnswering(builtinEndpoint(canary), at, f.message());
    }
    return new Observation(at, metrics, counts);
  }

  /** The metric as the machine asks for it: with its interval defaulted. */
  private static MetricSpec query(MetricSpec m) {
    return m.withInterval(m.intervalOrDefault());
  }

  private Endpoint builtinEndpoint(Canary canary) {
    QueryPlanner.Binding b = planner.builtinServer(canary);
    if (b instanceof QueryPlanner.Unbound u) {
      throw new BacktestException(canary.qualifiedName() + ": " + u.failed().error().message());
    }
    return ((QueryPlanner.Bound) b).endpoint();
  }

  /** A failed query is history only while the server still answers; otherwise the backtest stops. */
  private void ensureAnswering(Endpoint endpoint, Instant at, String failure) {
    if (client.instant(endpoint, PrometheusMetricSource.PROBE_QUERY, null) instanceof Outcome.MetricError e) {
      throw new BacktestException("Prometheus at " + endpoint.breakerKey() + " stopped answering while reading the"
          + " tick at " + at + ": " + failure + " (and " + e.message() + ")");
    }
  }

  /** Builds a {@link PrometheusHistory}. */
  public static final class Builder {
    private final PrometheusMetricSource.Builder source;
    private Duration chunk = Duration.ofHours(1);

    private Builder(URI defaultServer) {
      this.source = PrometheusMetricSource.builder(defaultServer);
    }

    /** The HTTP side; default {@code PrometheusClient.builder().build()}. */
    public Builder client(PrometheusClient c) {
      source.client(c);
      return this;
    }

    /** Where template metrics find their templates; default none (such a Canary fails {@link #check}). */
    public Builder templates(MetricTemplateLookup lookup) {
      source.templates(lookup);
      return this;
    }

    /** Reads providers' {@code secretRef}; default none. */
    public Builder secrets(SecretResolver resolver) {
      source.secrets(resolver);
      return this;
    }

    /** An address that replaces every provider address and metrics server. */
    public Builder overrideAddress(URI address) {
      source.overrideAddress(address);
      return this;
    }

    /** The longest span one series-check query covers, positive; default 1 hour. */
    public Builder chunk(Duration span) {
      if (span.isZero() || span.isNegative()) {
        throw new IllegalArgumentException("chunk must be positive, but was " + span);
      }
      this.chunk = span;
      return this;
    }

    public PrometheusHistory build() {
      return new PrometheusHistory(this);
    }
  }
}
