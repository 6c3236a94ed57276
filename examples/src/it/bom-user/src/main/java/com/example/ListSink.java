package com.example;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.EventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A user's own event sink: it keeps the messages it is given, in order. */
public final class ListSink implements EventSink {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<String> alerts = new CopyOnWriteArrayList<>();

  @Override
  public void event(Canary canary, CanaryStatus status, CanaryEvent event) {
    events.add(event.message());
  }

  @Override
  public void alert(Canary canary, Alert alert) {
    alerts.add(alert.message());
  }

  public List<String> events() {
    return List.copyOf(events);
  }

  public List<String> alerts() {
    return List.copyOf(alerts);
  }
}
