package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.EventSink;

/**
 * An {@link EventSink} that also wants the Canary's status with each event, for example to send the phase and
 * checksum in an event webhook's payload (docs/flagger-compatibility.md §1.15).
 *
 * <p>{@link CanaryDriver} hands every event of a tick to such a sink together with the status it read at the
 * start of the tick. That is the status Flagger sends: its event webhooks read {@code status.phase} from the
 * Canary object the tick started with, not from the status the tick is about to write.
 */
public interface StatusAwareEventSink extends EventSink {

  /**
   * Publishes an event about {@code canary}.
   *
   * @param status the Canary's status at the start of the tick, or {@code null} when unknown
   */
  void event(Canary canary, CanaryStatus status, CanaryEvent event);

  /** Publishes an event without a known status. */
  @Override
  default void event(Canary canary, CanaryEvent event) {
    event(canary, null, event);
  }

  /**
   * Hands {@code event} to {@code sink}, with {@code status} when the sink is status-aware.
   *
   * @param status the status, or {@code null} when unknown
   */
  static void deliver(EventSink sink, Canary canary, CanaryStatus status, CanaryEvent event) {
    if (sink instanceof StatusAwareEventSink aware) {
      aware.event(canary, status, event);
    } else {
      sink.event(canary, event);
    }
  }
}
