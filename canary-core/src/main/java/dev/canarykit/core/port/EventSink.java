package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;

/**
 * Publishes the machine's events (Kubernetes Events, logs) and alerts (chat notifications). Sinks should not
 * throw; the driver ignores and reports a sink that does.
 */
public interface EventSink {

  /** A sink that drops everything. */
  EventSink NOOP = (canary, event) -> {};

  /** Publishes an event about {@code canary}. */
  void event(Canary canary, CanaryEvent event);

  /** Sends an alert about {@code canary} to its alert routes; does nothing by default. */
  default void alert(Canary canary, Alert alert) {}
}
