package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.EventSinkContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingEventSinkTest extends EventSinkContract {
  private static final Canary C = ContractFixtures.canary();

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

  @Test
  void formatsMessagesLikeKubectl() {
    var sink = new RecordingEventSink();
    sink.event(C, CanaryEvent.info("Initialization done! podinfo.test"));
    sink.event(C, CanaryEvent.error("Canary failed! Scaling down podinfo.test"));
    sink.alert(C, new Alert(Severity.ERROR, "Canary analysis failed, rollback finished.", Map.of()));
    assertThat(sink.messages()).containsExactly("Normal   Initialization done! podinfo.test",
        "Warning  Canary failed! Scaling down podinfo.test");
    assertThat(sink.alertMessages()).containsExactly("Canary analysis failed, rollback finished.");
    sink.clear();
    assertThat(sink.events()).isEmpty();
    assertThat(sink.alerts()).isEmpty();
  }
}
