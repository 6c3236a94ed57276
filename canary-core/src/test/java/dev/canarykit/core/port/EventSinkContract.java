package dev.canarykit.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Canary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventSink} must do. Extend it and implement {@link #createSink} and {@link #published}, which
 * reads back what the sink published (for example the Kubernetes Events of the canary).
 */
public abstract class EventSinkContract {

  /** The Canary the tests use. */
  protected Canary canary() {
    return ContractFixtures.canary();
  }

  /** A fresh sink. */
  protected abstract EventSink createSink();

  /** The event messages {@code sink} published about {@code canary}, in order. */
  protected abstract List<String> published(EventSink sink, Canary canary);

  /**
   * The alert messages {@code sink} delivered about {@code canary}, in order; {@code null} (the default) for a sink
   * that does not deliver alerts ({@link EventSink#alert} does nothing by default). Override it when the sink
   * delivers them.
   */
  protected List<String> publishedAlerts(EventSink sink, Canary canary) {
    return null;
  }

  @Test
  void publishesEventsInOrderWithTheirExactText() {
    EventSink sink = createSink();
    sink.event(canary(), CanaryEvent.info("Initialization done! podinfo.test"));
    sink.event(canary(), CanaryEvent.warning("Halt advancement no values found for istio metric request-success-rate"
        + " probably podinfo.test is not receiving traffic: running query failed: no values found"));
    sink.event(canary(), CanaryEvent.error("Canary failed! Scaling down podinfo.test"));
    assertThat(published(sink, canary())).containsExactly("Initialization done! podinfo.test",
        "Halt advancement no values found for istio metric request-success-rate probably podinfo.test is not"
            + " receiving traffic: running query failed: no values found",
        "Canary failed! Scaling down podinfo.test");
  }

  @Test
  void keepsNonAsciiText() {
    EventSink sink = createSink();
    sink.event(canary(), CanaryEvent.info("Advance podinfo.test canary weight 10 – ünïcødé"));
    assertThat(published(sink, canary())).containsExactly("Advance podinfo.test canary weight 10 – ünïcødé");
  }

  @Test
  void deliversAlertsApartFromTheEventsWithoutThrowing() {
    EventSink sink = createSink();
    Alert alert = new Alert(Severity.WARN, "Canary is waiting for approval.", Map.of("Target", "Deployment/podinfo.test"));
    sink.event(canary(), CanaryEvent.info("Starting canary analysis for podinfo.test"));
    assertThatCode(() -> sink.alert(canary(), alert)).doesNotThrowAnyException();
    sink.event(canary(), CanaryEvent.info("Advance podinfo.test canary weight 10"));
    assertThat(published(sink, canary())).as("events, the alert not among them")
        .containsExactly("Starting canary analysis for podinfo.test", "Advance podinfo.test canary weight 10");
    List<String> alerts = publishedAlerts(sink, canary());
    if (alerts != null) {
      assertThat(alerts).containsExactly("Canary is waiting for approval.");
    }
  }
}
