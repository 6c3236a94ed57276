package dev.canarykit.k8s.event;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.k8s.cache.ClusterReader;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each core event as a {@code core/v1} Event on the Canary: reason {@value #REASON}, type
 * {@code Normal} or {@code Warning}, the event's exact text, and a configurable source component (default
 * {@value #DEFAULT_COMPONENT}). Every event is a new object with {@code count: 1}; identical repeats are not folded
 * (docs/decisions.md). Names are {@code <canary>.<16 hex digits>}: the wall clock in nanoseconds since the epoch,
 * increasing per sink, so sorting a Canary's Events by name gives their order. A name another writer took in the
 * same instant (409) is retried with the next one. Errors are counted ({@link #failures()}) and logged, never
 * thrown.
 *
 * <pre>{@code
 * EventSink events = KubernetesEventSink.builder(client).component("canarykit").build();
 * }</pre>
 */
public final class KubernetesEventSink implements EventSink {
  /** The reason of every event, as in Flagger. */
  public static final String REASON = "Synced";
  /** The default source component. */
  public static final String DEFAULT_COMPONENT = "canarykit";
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEventSink.class);
  private static final int NAME_ATTEMPTS = 3;

  private final KubernetesClient client;
  private final ClusterReader reader;
  private final String component;
  private final Clock clock;
  private final LongSupplier wallNanos;
  private final AtomicLong lastName = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private KubernetesEventSink(Builder b) {
    this.client = b.client;
    this.reader = b.reader;
    this.component = b.component;
    this.clock = b.clock;
    this.wallNanos = b.wallNanos;
  }

  /** A builder for a sink writing through {@code client} (owned by the caller). */
  public static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  @Override
  public void event(Canary canary, CanaryStatus status, CanaryEvent event) {
    try {
      create(canary, event);
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      LOG.warn("event on canary {} not published: {}", canary.qualifiedName(), e.getMessage());
    }
    if (event.level() == CanaryEvent.Level.ERROR) {
      LOG.error("{} {}", canary.qualifiedName(), event.message());
    } else {
      LOG.info("{} {}", canary.qualifiedName(), event.message());
    }
  }

  /** How many events could not be published (each logged at WARN). */
  public long failures() {
    return failures.get();
  }

  private void create(Canary canary, CanaryEvent event) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.v1().events().inNamespace(canary.namespace()).resource(build(canary, event)).create();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == NAME_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  Event build(Canary canary, CanaryEvent event) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String uid = reader == null ? null : reader.get(CanaryResource.class, canary.namespace(), canary.name())
        .map(r -> r.getMetadata().getUid()).orElse(null);
    return new EventBuilder().withNewMetadata().withName(canary.name() + "." + String.format("%016x", next()))
        .withNamespace(canary.namespace()).endMetadata()
        .withNewInvolvedObject().withApiVersion("flagger.app/v1beta1").withKind("Canary").withName(canary.name())
        .withNamespace(canary.namespace()).withUid(uid).endInvolvedObject()
        .withReason(REASON).withType(event.type()).withMessage(event.message()).withCount(1)
        .withFirstTimestamp(now).withLastTimestamp(now).withNewSource().withComponent(component).endSource()
        .withReportingComponent(component).build();
  }

  private long next() {
    long nanos = wallNanos.getAsLong();
    return lastName.updateAndGet(last -> Math.max(last + 1, nanos));
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** Builds a {@link KubernetesEventSink}. */
  public static final class Builder {
    private final KubernetesClient client;
    private ClusterReader reader;
    private String component = DEFAULT_COMPONENT;
    private Clock clock = Clock.systemUTC();
    private LongSupplier wallNanos = KubernetesEventSink::epochNanos;

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
    }

    /** The source component; default {@value #DEFAULT_COMPONENT}. */
    public Builder component(String v) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("component must not be blank, but was '" + v + "'");
      }
      component = v;
      return this;
    }

    /** Where the Canary's uid is read from for {@code involvedObject.uid}; default none (uid left out). */
    public Builder reader(ClusterReader v) {
      reader = Objects.requireNonNull(v, "reader == null");
      return this;
    }

    /** The clock of the event timestamps; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v, "clock == null");
      return this;
    }

    /** The source of the names' nanoseconds; for tests of name clashes. */
    Builder wallNanos(LongSupplier v) {
      wallNanos = Objects.requireNonNull(v, "wallNanos == null");
      return this;
    }

    /** Builds the sink. */
    public KubernetesEventSink build() {
      return new KubernetesEventSink(this);
    }
  }
}
