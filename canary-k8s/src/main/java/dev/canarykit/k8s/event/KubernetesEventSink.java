package dev.canarykit.k8s.event;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.k8s.cache.ClusterReader;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each core event as a {@code core/v1} Event on the Canary: reason {@value #REASON}, type
 * {@code Normal} or {@code Warning}, the event's exact text, and a configurable source component (default
 * {@value #DEFAULT_COMPONENT}). Every event is a new object with {@code count: 1}; identical repeats are not folded
 * (docs/decisions.md). Names are {@code <canary>.<16 hex digits>}, increasing, so sorting a Canary's Events by
 * name gives their order. Errors are logged, never thrown.
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
  private static final AtomicLong LAST = new AtomicLong();

  private final KubernetesClient client;
  private final ClusterReader reader;
  private final String component;
  private final Clock clock;

  private KubernetesEventSink(Builder b) {
    this.client = b.client;
    this.reader = b.reader;
    this.component = b.component;
    this.clock = b.clock;
  }

  /** A builder for a sink writing through {@code client} (owned by the caller). */
  public static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  @Override
  public void event(Canary canary, CanaryEvent event) {
    try {
      client.v1().events().inNamespace(canary.namespace()).resource(build(canary, event)).create();
    } catch (RuntimeException e) {
      LOG.warn("event on canary {} not published: {}", canary.qualifiedName(), e.getMessage());
    }
    if (event.level() == CanaryEvent.Level.ERROR) {
      LOG.error("{} {}", canary.qualifiedName(), event.message());
    } else {
      LOG.info("{} {}", canary.qualifiedName(), event.message());
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

  private static long next() {
    long nanos = System.currentTimeMillis() * 1_000_000L;
    return LAST.updateAndGet(last -> Math.max(last + 1, nanos));
  }

  /** Builds a {@link KubernetesEventSink}. */
  public static final class Builder {
    private final KubernetesClient client;
    private ClusterReader reader;
    private String component = DEFAULT_COMPONENT;
    private Clock clock = Clock.systemUTC();

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

    /** Builds the sink. */
    public KubernetesEventSink build() {
      return new KubernetesEventSink(this);
    }
  }
}
