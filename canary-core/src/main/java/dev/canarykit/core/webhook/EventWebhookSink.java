package dev.canarykit.core.webhook;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.internal.Hashes;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.WebhookClient;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Passes every event and alert to a delegate sink, then posts each event to the canary's {@code event} hooks
 * (docs/flagger-compatibility.md §1.15), or to the global event webhook when the canary has none.
 *
 * <p>The payload is the usual {@link WebhookPayload}: its phase and checksum come from the status the driver
 * passes along (the status read at the start of the tick, as Flagger sends {@code status.phase}); without a
 * status the phase is empty and the checksum is that of an empty status. Its metadata holds
 * {@code eventMessage}, {@code eventType} ({@code Normal} or {@code Warning}) and {@code timestamp} (Unix
 * milliseconds as a string, read from the clock when the hook is called); the hook's own metadata is added but
 * cannot override those three keys.
 *
 * <p>A failed post is counted ({@link #failures()}) and handed to the failure handler; it never reaches the
 * driver. A client that throws instead of answering {@link Outcome.Failed} (a bug) is a failed post too, and its
 * exception is logged at WARNING with its stack trace (the handler gets only its class name). The posts run on the calling thread, so wrap this sink in an {@link AsyncEventSink} to keep slow
 * receivers off the tick.
 */
public final class EventWebhookSink implements EventSink {
  /** The metadata key of the event text. */
  public static final String EVENT_MESSAGE = "eventMessage";
  /** The metadata key of the event type. */
  public static final String EVENT_TYPE = "eventType";
  /** The metadata key of the time. */
  public static final String TIMESTAMP = "timestamp";
  private static final System.Logger LOG = System.getLogger(EventWebhookSink.class.getName());

  private final EventSink delegate;
  private final WebhookClient client;
  private final Clock clock;
  private final WebhookSpec global;
  private final BiConsumer<Canary, String> onFailure;
  private final AtomicLong failures = new AtomicLong();

  private EventWebhookSink(Builder b) {
    this.delegate = b.delegate;
    this.client = b.client;
    this.clock = b.clock;
    this.global = b.globalUrl == null ? null : WebhookSpec.of("events", WebhookType.EVENT, b.globalUrl);
    this.onFailure = b.onFailure;
  }

  /**
   * Starts a builder.
   *
   * @param delegate the sink that publishes events and alerts otherwise ({@link EventSink#NOOP} for none)
   * @param client posts the events, usually an {@link HttpWebhookClient}
   */
  public static Builder builder(EventSink delegate, WebhookClient client) {
    return new Builder(delegate, client);
  }

  @Override
  public void event(Canary canary, CanaryStatus status, CanaryEvent event) {
    try {
      delegate.event(canary, status, event);
    } finally {
      for (WebhookSpec hook : hooks(canary)) {
        post(canary, status, event, hook);
      }
    }
  }

  @Override
  public void alert(Canary canary, Alert alert) {
    delegate.alert(canary, alert);
  }

  /** How many event posts failed so far. */
  public long failures() {
    return failures.get();
  }

  private List<WebhookSpec> hooks(Canary canary) {
    List<WebhookSpec> own = canary.spec().analysisOrEmpty().webhooks().stream()
        .filter(h -> h.is(WebhookType.EVENT)).toList();
    return !own.isEmpty() || global == null ? own : List.of(global);
  }

  private void post(Canary canary, CanaryStatus status, CanaryEvent event, WebhookSpec hook) {
    Command.CallWebhook call = new Command.CallWebhook(withEventMetadata(hook, event), phase(status),
        checksum(status));
    Outcome o;
    try {
      o = client.call(canary, call);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, () -> "the webhook client threw on event webhook " + hook.name() + " of canary "
          + canary.qualifiedName() + "; counted as a failed post", e);
      o = new Outcome.Failed(e.getClass().getSimpleName());
    }
    if (!(o instanceof Outcome.Ok)) {
      failures.incrementAndGet();
      String why = o instanceof Outcome.Failed f ? f.message() : String.valueOf(o);
      onFailure.accept(canary, "event webhook " + hook.name() + " failed: " + why);
    }
  }

  private WebhookSpec withEventMetadata(WebhookSpec hook, CanaryEvent event) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(EVENT_MESSAGE, event.message());
    metadata.put(EVENT_TYPE, event.type());
    metadata.put(TIMESTAMP, Long.toString(clock.millis()));
    hook.metadata().forEach(metadata::putIfAbsent);
    return hook.toBuilder().metadata(metadata).build();
  }

  private static Phase phase(CanaryStatus status) {
    return status == null ? null : status.phase();
  }

  private static String checksum(CanaryStatus status) {
    CanaryStatus s = status == null ? CanaryStatus.initial() : status;
    return Hashes.webhookChecksum(s.lastAppliedSpec(), s.trackedConfigs());
  }

  /** Builds an {@link EventWebhookSink}. */
  public static final class Builder {
    private final EventSink delegate;
    private final WebhookClient client;
    private Clock clock = Clock.systemUTC();
    private String globalUrl;
    private BiConsumer<Canary, String> onFailure = (canary, message) -> {};

    private Builder(EventSink delegate, WebhookClient client) {
      this.delegate = Objects.requireNonNull(delegate, "delegate == null");
      this.client = Objects.requireNonNull(client, "client == null");
    }

    /** The clock of the {@code timestamp} metadata; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v, "clock == null");
      return this;
    }

    /**
     * The global event webhook (Flagger's {@code -event-webhook}), used for canaries without event hooks of
     * their own; default none.
     */
    public Builder globalUrl(String v) {
      globalUrl = v == null || v.isEmpty() ? null : v;
      return this;
    }

    /**
     * Told about each failed post, with a message naming the hook and the error (never its metadata); default
     * ignores them. Adapters log here.
     */
    public Builder onFailure(BiConsumer<Canary, String> v) {
      onFailure = Objects.requireNonNull(v, "onFailure == null");
      return this;
    }

    /** The sink. */
    public EventWebhookSink build() {
      return new EventWebhookSink(this);
    }
  }
}
