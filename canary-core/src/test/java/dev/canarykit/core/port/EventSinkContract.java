package dev.canarykit.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.Severity;
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
  protected abstract java.util.List<String> published(EventSink sink, Canary canary);

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
  void acceptsAlertsWithoutThrowing() {
    EventSink sink = createSink();
    Alert alert = new Alert(Severity.WARN, "Canary is waiting for approval.", Map.of("Target", "Deployment/podinfo.test"));
    assertThatCode(() -> sink.alert(canary(), alert)).doesNotThrowAnyException();
  }
}
