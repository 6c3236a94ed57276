package com.example;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.EventSinkContract;
import dev.canarykit.core.testing.RecordingEventSink;
import java.util.List;

/** An adapter checked against canarykit's port contract from the core's test-jar. */
class RecordingSinkContractTest extends EventSinkContract {

  @Override
  protected EventSink createSink() {
    return new RecordingEventSink();
  }

  @Override
  protected List<String> published(EventSink sink, Canary canary) {
    return ((RecordingEventSink) sink).events().stream().map(CanaryEvent::message).toList();
  }

  @Override
  protected List<String> publishedAlerts(EventSink sink, Canary canary) {
    return ((RecordingEventSink) sink).alertMessages();
  }
}
