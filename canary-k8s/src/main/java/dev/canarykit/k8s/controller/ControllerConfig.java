package dev.canarykit.k8s.controller;

import dev.canarykit.core.driver.CanaryListener;
import dev.canarykit.core.port.EventSink;
import java.util.function.UnaryOperator;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.port.WebhookClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a {@link CanaryController} needs besides the client: the router, metric sources and webhook client it
 * hands to each tick, and how it schedules.
 *
 * <pre>{@code
 * ControllerConfig config = ControllerConfig.builder()
 *     .router(istioRouter).metrics(PrometheusMetricSource.factory())
 *     .webhooks(httpWebhookClient).workers(4)
 *     .leaderElection(LeaderElection.of("canarykit", "canarykit-leader", podName)).build();
 * }</pre>
 *
 * @param router the traffic router
 * @param metrics builds the metric source of a metrics server address ({@code spec.metricsServer}, else the
 *     default), once per address, with the controller's MetricTemplate lookup and Secret resolver (both read from
 *     the cluster through the controller's informer caches)
 * @param defaultMetricsServer the address used when a canary names none; default {@value #DEFAULT_METRICS_SERVER}
 * @param webhooks the webhook client
 * @param eventComponent the source component of Kubernetes Events; default {@code canarykit}
 * @param workers how many ticks may compute at once; default 2. A tick waiting on a port call gives its worker to
 *     the next tick (see {@code portCallThreads})
 * @param namespace the namespace watched, or {@code null} for all
 * @param leaderElection the lease to hold before ticking, or {@code null} to tick without election
 * @param clock the clock of the ticks and events
 * @param intervals a canary's tick interval; default its analysis interval ({@code 60s} default, at least 10 s)
 * @param onTick called with each tick's report, on the worker thread (for metrics or tests)
 * @param events wraps the Kubernetes Events sink, e.g. to add alerts ({@code AlertDispatcher}), event webhooks
 *     ({@code EventWebhookSink}) and a bounded queue off the tick ({@code AsyncEventSink}); default none
 * @param listener in-process observer of every tick (e.g. {@code FlaggerMetrics}); default {@link CanaryListener#NOOP}
 * @param noCrossNamespaceRefs whether a Canary referring to a MetricTemplate or AlertProvider of another namespace
 *     is invalid (Flagger's {@code -no-cross-namespace-refs}); default {@code false}
 * @param portCallThreads how many ticks may wait in a slow port call at once without holding a worker, each on a
 *     thread of its own; default {@value #DEFAULT_PORT_CALL_THREADS}
 * @param controllerListener observes the scheduling (how late each tick started); default
 *     {@link ControllerListener#NOOP}
 * @param requestTimeout the timeout of each request a tick sends to the API server through the controller's
 *     stores; default {@link #DEFAULT_REQUEST_TIMEOUT}
 * @param requestRetries how often such a request is retried after a connection error or a 5xx; default
 *     {@value #DEFAULT_REQUEST_RETRIES}
 * @param tickTimeout how long a tick may run before its thread is interrupted; default {@link #DEFAULT_TICK_TIMEOUT}
 * @param maxConcurrentAnalyses how many canaries may be in analysis at once (from the start of a run to its end);
 *     a canary with a new revision beyond that waits in phase Waiting, in order of arrival; 0 (the default) for
 *     no limit
 * @param sharding the shards this replica shares the Canaries with other replicas through, or {@code null} (the
 *     default) for none; excludes {@code leaderElection}
 * @param canarySelector a label selector: only the Canaries it selects are watched and ticked, or {@code null}
 *     (the default) for every Canary
 */
public record ControllerConfig(TrafficRouter router, MetricSource.Factory metrics,
    String defaultMetricsServer, WebhookClient webhooks, String eventComponent, int workers, String namespace,
    LeaderElection leaderElection, Clock clock, Function<Canary, Duration> intervals, Consumer<TickReport> onTick,
    UnaryOperator<EventSink> events, CanaryListener listener, boolean noCrossNamespaceRefs, int portCallThreads,
    ControllerListener controllerListener, Duration requestTimeout, int requestRetries, Duration tickTimeout,
    int maxConcurrentAnalyses, Sharding sharding, String canarySelector) {
  /** The default metrics server (docs/flagger-compatibility.md §5.2). */
  public static final String DEFAULT_METRICS_SERVER = "http://prometheus:9090";
  /** The default number of ticks that may wait in slow port calls without holding a worker. */
  public static final int DEFAULT_PORT_CALL_THREADS = 256;
  /** The default timeout of each API request of a tick (fabric8's own default). */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** The default number of retries of an API request of a tick. */
  public static final int DEFAULT_REQUEST_RETRIES = 1;
  /** The default tick deadline. */
  public static final Duration DEFAULT_TICK_TIMEOUT = Duration.ofMinutes(5);

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ControllerConfig}. */
  public static final class Builder {
    private TrafficRouter router;
    private MetricSource.Factory metrics;
    private String defaultMetricsServer = DEFAULT_METRICS_SERVER;
    private WebhookClient webhooks;
    private String eventComponent = "canarykit";
    private int workers = 2;
    private String namespace;
    private LeaderElection leaderElection;
    private Clock clock = Clock.systemUTC();
    private Function<Canary, Duration> intervals = c -> c.spec().analysisOrEmpty().intervalOrDefault();
    private Consumer<TickReport> onTick = r -> {};
    private UnaryOperator<EventSink> events = UnaryOperator.identity();
    private CanaryListener listener = CanaryListener.NOOP;
    private boolean noCrossNamespaceRefs;
    private int portCallThreads = DEFAULT_PORT_CALL_THREADS;
    private ControllerListener controllerListener = ControllerListener.NOOP;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private int requestRetries = DEFAULT_REQUEST_RETRIES;
    private Duration tickTimeout = DEFAULT_TICK_TIMEOUT;
    private int maxConcurrentAnalyses;
    private Sharding sharding;
    private String canarySelector;

    private Builder() {}

    /**
     * How many canaries may be in analysis at once, from the start of a run (Progressing) to its end (Succeeded or
     * Failed). A canary with a new revision beyond the limit waits before its analysis starts, in phase
     * {@code Waiting} with the condition reason {@code AnalysisQueued}, an Event and its place in the queue, and
     * starts in order of arrival. Initialization, rollback, promotion and finalising are never held. With
     * {@link #sharding} the limit holds for the whole group: every replica must set the same value, and the slots
     * are Leases {@code <group>-analysis-<i>} held by the canaries. At least 0; default 0, no limit.
     */
    public Builder maxConcurrentAnalyses(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("maxConcurrentAnalyses must be at least 0 (0: no limit), but was " + v);
      }
      maxConcurrentAnalyses = v;
      return this;
    }

    /**
     * Shares the Canaries with other replicas: this one ticks only the Canaries of the shards whose Leases it
     * holds (see {@link Sharding}); default none (this replica ticks every Canary it watches, or with
     * {@link #leaderElection} only while it leads). Not together with {@link #leaderElection}.
     */
    public Builder sharding(Sharding v) {
      sharding = v;
      return this;
    }

    /**
     * Watches and ticks only the Canaries with these labels, a Kubernetes label selector such as
     * {@code sharding.fluxcd.io/key=shard1} (Flux's sharding: one replica per key, with no Lease) or
     * {@code !sharding.fluxcd.io/key}; default every Canary. Every replica must select a different set.
     */
    public Builder canarySelector(String v) {
      if (v != null && v.isBlank()) {
        throw new IllegalArgumentException("canarySelector must not be blank (null selects every Canary)");
      }
      canarySelector = v;
      return this;
    }

    /**
     * How many ticks may wait in a slow port call (one still running after 2 ms: a metric query, a webhook, an API
     * request) at once without holding a worker, each on a thread of its own; beyond that many a slow call keeps
     * its worker. At least 0 (0: a tick keeps its worker while it waits); default
     * {@value #DEFAULT_PORT_CALL_THREADS}.
     */
    public Builder portCallThreads(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("portCallThreads must be at least 0, but was " + v);
      }
      portCallThreads = v;
      return this;
    }

    /** Observes the scheduling, such as {@code ControllerMetrics}; default none. */
    public Builder controllerListener(ControllerListener v) {
      controllerListener = Objects.requireNonNull(v, "controllerListener == null");
      return this;
    }

    /**
     * How long one tick may run: past it the tick's thread is interrupted, the port call it is in and every later
     * one end at once, and the tick finishes without writing its status (the next tick decides again). It bounds
     * what no port deadline covers, such as an API server answer that stalls after its headers. Positive; default
     * 5 min; keep it above the longest legitimate tick (webhooks with long timeouts).
     */
    public Builder tickTimeout(Duration v) {
      if (v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException("tickTimeout must be positive, but was " + v);
      }
      tickTimeout = v;
      return this;
    }

    /**
     * The timeout of each request the controller's stores send to the API server during a tick (fabric8 gives
     * each attempt this plus up to 5 s to complete); positive, at most 24 days; default 10 s. The informers and
     * the leader election keep the client's own settings.
     */
    public Builder requestTimeout(Duration v) {
      if (v.isNegative() || v.isZero() || v.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("requestTimeout must be positive and at most 24 days, but was " + v);
      }
      requestTimeout = v;
      return this;
    }

    /** How often such a request is retried after a connection error or a 5xx (100 ms doubling); default 1. */
    public Builder requestRetries(int v) {
      if (v < 0 || v > 10) {
        throw new IllegalArgumentException("requestRetries must be 0 to 10, but was " + v);
      }
      requestRetries = v;
      return this;
    }

    /** Wraps the Kubernetes Events sink (alerts, event webhooks, an async queue); default none. */
    public Builder events(UnaryOperator<EventSink> v) { events = Objects.requireNonNull(v, "events == null"); return this; }

    /** An in-process observer of every tick, such as {@code FlaggerMetrics}; default none. */
    public Builder listener(CanaryListener v) {
      listener = Objects.requireNonNull(v, "listener == null");
      return this;
    }

    /**
     * Whether a Canary may refer only to MetricTemplates and AlertProviders of its own namespace (Flagger's
     * {@code -no-cross-namespace-refs}, for multi-tenant clusters); one that does not is reported invalid and not
     * ticked. Default {@code false}.
     */
    public Builder noCrossNamespaceRefs(boolean v) { noCrossNamespaceRefs = v; return this; }

    /** The traffic router (required). */
    public Builder router(TrafficRouter v) { router = Objects.requireNonNull(v, "router == null"); return this; }

    /**
     * Builds the metric source of each metrics server address with the cluster's MetricTemplates and Secrets,
     * e.g. {@code PrometheusMetricSource.factory()} (required, or one of the other two {@code metrics} methods).
     */
    public Builder metrics(MetricSource.Factory v) {
      metrics = Objects.requireNonNull(v, "metrics == null");
      return this;
    }

    /** One metric source for every server, which finds templates on its own (e.g. a test double). */
    public Builder metrics(MetricSource v) {
      Objects.requireNonNull(v, "metrics == null");
      metrics = (server, templates, secrets) -> v;
      return this;
    }

    /** The metric source of each metrics server address, which finds templates on its own. */
    public Builder metrics(Function<String, MetricSource> v) {
      Objects.requireNonNull(v, "metrics == null");
      metrics = (server, templates, secrets) -> v.apply(server);
      return this;
    }

    /** The metrics server used when a canary names none; default {@value #DEFAULT_METRICS_SERVER}. */
    public Builder defaultMetricsServer(String v) {
      defaultMetricsServer = Objects.requireNonNull(v, "defaultMetricsServer == null");
      return this;
    }

    /** The webhook client (required). */
    public Builder webhooks(WebhookClient v) { webhooks = Objects.requireNonNull(v, "webhooks == null"); return this; }

    /** The Events' source component; default {@code canarykit}. */
    public Builder eventComponent(String v) {
      eventComponent = Objects.requireNonNull(v, "eventComponent == null");
      return this;
    }

    /**
     * Ticks that may compute at once, at least 1; default 2. A tick waiting on I/O gives its worker to the next
     * tick (see {@link #portCallThreads}), so this is about CPU, not about how slow the ports are.
     */
    public Builder workers(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("workers must be at least 1, but was " + v);
      }
      workers = v;
      return this;
    }

    /** The namespace to watch; default every namespace. */
    public Builder namespace(String v) { namespace = v; return this; }

    /** Leader election, or {@code null} (the default) for none. */
    public Builder leaderElection(LeaderElection v) { leaderElection = v; return this; }

    /** The clock; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v, "clock == null"); return this; }

    /** The tick interval of a canary; default its analysis interval. */
    public Builder intervals(Function<Canary, Duration> v) {
      intervals = Objects.requireNonNull(v, "intervals == null");
      return this;
    }

    /** A listener for tick reports; default none. */
    public Builder onTick(Consumer<TickReport> v) { onTick = Objects.requireNonNull(v, "onTick == null"); return this; }

    /**
     * Builds the configuration.
     *
     * @throws IllegalStateException naming every required part that is missing, or when both leader election and
     *     sharding are set
     */
    public ControllerConfig build() {
      List<String> missing = new ArrayList<>();
      if (router == null) missing.add("router");
      if (metrics == null) missing.add("metrics");
      if (webhooks == null) missing.add("webhooks");
      if (!missing.isEmpty()) {
        throw new IllegalStateException("missing: " + missing);
      }
      if (sharding != null && leaderElection != null) {
        throw new IllegalStateException("leaderElection and sharding exclude each other: a single leader is"
            + " sharding with one shard");
      }
      return new ControllerConfig(router, metrics, defaultMetricsServer, webhooks, eventComponent, workers,
          namespace, leaderElection, clock, intervals, onTick, events, listener, noCrossNamespaceRefs,
          portCallThreads, controllerListener, requestTimeout, requestRetries, tickTimeout, maxConcurrentAnalyses,
          sharding, canarySelector);
    }
  }
}
