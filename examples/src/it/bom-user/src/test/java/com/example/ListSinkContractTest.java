package com.example;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.EventSinkContract;
import java.util.List;

/** The user's sink checked against canarykit's port contract from the core's test-jar. */
class ListSinkContractTest extends EventSinkContract {

  @Override
  protected EventSink createSink() {
    return new ListSink();
  }

  @Override
  protected List<String> published(EventSink sink, Canary canary) {
    return ((ListSink) sink).events();
  }

  @Override
  protected List<String> publishedAlerts(EventSink sink, Canary canary) {
    return ((ListSink) sink).alerts();
  }
}
