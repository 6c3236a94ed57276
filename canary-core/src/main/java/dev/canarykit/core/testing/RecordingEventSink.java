package dev.canarykit.core.testing;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.EventSink;
import java.util.ArrayList;
import java.util.List;

/** Records events and alerts in order. */
public final class RecordingEventSink implements EventSink {
  private final List<CanaryEvent> events = new ArrayList<>();
  private final List<Alert> alerts = new ArrayList<>();

  @Override
  public synchronized void event(Canary canary, CanaryStatus status, CanaryEvent event) {
    events.add(event);
  }

  @Override
  public synchronized void alert(Canary canary, Alert alert) {
    alerts.add(alert);
  }

  /** The events so far, in order. */
  public synchronized List<CanaryEvent> events() {
    return List.copyOf(events);
  }

  /** The alerts so far, in order. */
  public synchronized List<Alert> alerts() {
    return List.copyOf(alerts);
  }

  /**
   * The events as {@code kubectl describe} lists them: the type padded to nine characters, then the message
   * ({@code "Normal   Initialization done! podinfo.test"}).
   */
  public synchronized List<String> messages() {
    return events.stream().map(e -> String.format("%-9s%s", e.type(), e.message())).toList();
  }

  /** The alert texts so far, in order. */
  public synchronized List<String> alertMessages() {
    return alerts.stream().map(Alert::message).toList();
  }

  /** Forgets everything recorded. */
  public synchronized void clear() {
    events.clear();
    alerts.clear();
  }
}
