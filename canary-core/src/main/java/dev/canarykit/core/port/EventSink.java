package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;

/**
 * Publishes the machine's events (Kubernetes Events, logs, event webhooks) and alerts (chat notifications). Sinks
 * should not throw; the driver ignores and reports a sink that does.
 *
 * <p>Every event comes with the Canary's status at the start of the tick that emitted it: that is what Flagger's
 * event webhooks send (the phase and checksum of the object the tick started with, not of the status it is about
 * to write). A sink that wraps another passes the status on with the event.
 */
public interface EventSink {

  /** A sink that drops everything. */
  EventSink NOOP = (canary, status, event) -> {};

  /**
   * Publishes an event about {@code canary}.
   *
   * @param status the Canary's status at the start of the tick that emitted the event, or {@code null} for an event
   *     outside a tick (a deletion, an invalid spec)
   */
  void event(Canary canary, CanaryStatus status, CanaryEvent event);

  /** Publishes an event outside a tick, without a status: {@code event(canary, null, event)}. */
  default void event(Canary canary, CanaryEvent event) {
    event(canary, null, event);
  }

  /** Sends an alert about {@code canary} to its alert routes; does nothing by default. */
  default void alert(Canary canary, Alert alert) {}
}
