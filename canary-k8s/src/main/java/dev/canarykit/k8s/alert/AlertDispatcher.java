package dev.canarykit.k8s.alert;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.AlertSpec;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.SecretResolver;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the machine's alerts to chat services, as Flagger's {@code alert} does (docs/flagger-compatibility.md §1.16),
 * and passes events on to a delegate sink.
 *
 * <ul>
 *   <li>Each route of {@code analysis.alerts} whose severity accepts the alert ({@code info} takes all,
 *       {@code warn} takes warn and error, {@code error} takes error; empty means {@code info}) goes to its
 *       AlertProvider, looked up in the route's namespace or else the Canary's.</li>
 *   <li>A provider with a {@code secretRef} takes {@code address} (required) and {@code token} (optional) from that
 *       Secret, in the provider's namespace; channel defaults to {@code general}, user name to {@code flagger}.</li>
 *   <li>With a cluster name, every alert carries a {@code Cluster} field first.</li>
 *   <li>A Canary without alert routes sends every alert to the global notifier, if one is configured.</li>
 * </ul>
 *
 * <p>Posting happens on the calling thread: wrap this sink in the core's {@code AsyncEventSink} to keep it off the
 * tick. Nothing is ever thrown: each route ends as an {@link AlertDelivery}, counted ({@link #sent()},
 * {@link #failures(AlertDelivery.Reason)}), logged when it failed, and handed to the delivery handler. Addresses and
 * tokens never reach a log line, a message or a {@code toString()}.
 *
 * <pre>{@code
 * AlertDispatcher alerts = AlertDispatcher.builder(httpClient)             // the caller owns httpClient
 *     .providers(lookup).secrets(new KubernetesSecretResolver(client)).clusterName("prod-eu").build();
 * EventSink sink = AsyncEventSink.builder(alerts).build();                 // off the tick
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AlertDispatcher implements EventSink {
  /** The route name of the global notifier. */
  public static final String GLOBAL_ROUTE = "global";
  /** The field added to every alert when a cluster name is configured. */
  public static final String CLUSTER_FIELD = "Cluster";
  /** Flagger's per-post timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
  private final EventSink delegate;
  private final ProviderResolver resolver;
  private final AlertPoster poster;
  private final String clusterName;
  private final AlertTarget global;
  private final Consumer<AlertDelivery> onDelivery;
  private final DeliveryCounts counts = new DeliveryCounts();
  private final AtomicLong handlerFailures = new AtomicLong();

  private AlertDispatcher(Builder b) {
    this.delegate = b.delegate;
    this.resolver = new ProviderResolver(b.providers, b.secrets);
    this.poster = new AlertPoster(b.client, b.proxyClients == null ? new ProxyClients(b.timeout) : b.proxyClients,
        b.timeout);
    this.clusterName = b.clusterName;
    this.global = b.global;
    this.onDelivery = b.onDelivery;
  }

  /**
   * Starts a builder.
   *
   * @param client posts the alerts; the caller owns it (a provider with a proxy gets a client of its own)
   */
  public static Builder builder(HttpClient client) {
    return new Builder(client);
  }

  @Override
  public void event(Canary canary, CanaryStatus status, CanaryEvent event) {
    delegate.event(canary, status, event);
  }

  @Override
  public void alert(Canary canary, Alert alert) {
    deliver(canary, alert);
  }

  /**
   * Sends {@code alert} to every matching route now, on this thread.
   *
   * @return one delivery per route that took the alert, in route order; empty when none did
   */
  public List<AlertDelivery> deliver(Canary canary, Alert alert) {
    AlertMessage message = new AlertMessage(canary.name(), canary.namespace(), alert.message(), fields(alert),
        alert.severity());
    List<AlertSpec> routes = canary.spec().analysisOrEmpty().alerts();
    List<AlertDelivery> out = new ArrayList<>();
    if (routes.isEmpty() && global != null) {
      out.add(post(GLOBAL_ROUTE, global, message));
    }
    for (AlertSpec route : routes) {
      Severity accepts = route.severityOrDefault();
      if (accepts != null && accepts.accepts(alert.severity())) {
        ProviderResolver.Resolution r = resolver.resolve(canary, route);
        String name = route.providerRef().name() + "." + ProviderResolver.namespace(canary, route);
        out.add(r.failure() != null ? r.failure() : post(name, r.target(), message));
      }
    }
    out.forEach(this::record);
    return List.copyOf(out);
  }

  private AlertDelivery post(String route, AlertTarget target, AlertMessage m) {
    return poster.post(route, target, Payloads.render(target, m));
  }

  private Map<String, String> fields(Alert alert) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (clusterName != null) {
      fields.put(CLUSTER_FIELD, clusterName);
    }
    fields.putAll(alert.fields());
    return fields;
  }

  private void record(AlertDelivery d) {
    counts.add(d);
    if (d instanceof AlertDelivery.Failed f) {
      LOG.warn("alert can't be sent: {}", f.message());
    }
    try {
      onDelivery.accept(d);
    } catch (RuntimeException e) {
      handlerFailures.incrementAndGet(); // a delivery handler must not break the sink
      LOG.warn("the onDelivery handler threw on a delivery to {}", d.route(), e);
    }
  }

  /** How many alerts a receiver accepted. */
  public long sent() {
    return counts.sent();
  }

  /** How many alerts failed for {@code reason}. */
  public long failures(AlertDelivery.Reason reason) {
    return counts.failures(reason);
  }

  /** How many alerts failed, whatever the reason. */
  public long failures() {
    return counts.failures();
  }

  /** How many times the {@code onDelivery} handler threw (each logged at WARN with its stack trace). */
  public long handlerFailures() {
    return handlerFailures.get();
  }

  /** Builds an {@link AlertDispatcher}. */
  public static final class Builder {
    private final HttpClient client;
    private EventSink delegate = EventSink.NOOP;
    private AlertProviderLookup providers = (namespace, name) -> java.util.Optional.empty();
    private SecretResolver secrets = (namespace, name) -> new SecretLookup.Missing();
    private String clusterName;
    private AlertTarget global;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Function<URI, HttpClient> proxyClients;
    private Consumer<AlertDelivery> onDelivery = d -> {};

    private Builder(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
    }

    /** Receives every event (and nothing else); default {@link EventSink#NOOP}. */
    public Builder delegate(EventSink v) {
      delegate = Objects.requireNonNull(v, "delegate == null");
      return this;
    }

    /** Finds AlertProviders; default none (every route fails as {@code PROVIDER_NOT_FOUND}). */
    public Builder providers(AlertProviderLookup v) {
      providers = Objects.requireNonNull(v, "providers == null");
      return this;
    }

    /** Reads the providers' Secrets; default none (every Secret is missing). */
    public Builder secrets(SecretResolver v) {
      secrets = Objects.requireNonNull(v, "secrets == null");
      return this;
    }

    /** Adds a {@value AlertDispatcher#CLUSTER_FIELD} field to every alert; {@code null} or empty (the default) adds none. */
    public Builder clusterName(String v) {
      clusterName = v == null || v.isEmpty() ? null : v;
      return this;
    }

    /** Receives every alert of Canaries without alert routes; {@code null} (the default) for none. */
    public Builder globalNotifier(AlertTarget v) {
      global = v;
      return this;
    }

    /** The timeout of each post; default {@link #DEFAULT_TIMEOUT} (Flagger's 5 s). */
    public Builder timeout(Duration v) {
      if (v == null || v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, but was " + v);
      }
      timeout = v;
      return this;
    }

    /** Makes the client for a provider's proxy; default one client per proxy, made and kept by the dispatcher. */
    public Builder proxyClients(Function<URI, HttpClient> v) {
      proxyClients = Objects.requireNonNull(v, "proxyClients == null");
      return this;
    }

    /**
     * Sees every delivery (a log, a metric); it runs on the posting thread and should not throw. One that throws
     * is counted ({@link AlertDispatcher#handlerFailures()}) and logged; the dispatcher carries on.
     */
    public Builder onDelivery(Consumer<AlertDelivery> v) {
      onDelivery = Objects.requireNonNull(v, "onDelivery == null");
      return this;
    }

    /** Builds the dispatcher. */
    public AlertDispatcher build() {
      return new AlertDispatcher(this);
    }
  }
}
