package dev.canarykit.k8s.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.ContractFixtures;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesEventSinkTest {
  private static final Canary CANARY = ContractFixtures.canary();
  KubernetesClient client;

  private List<Event> events() {
    return client.v1().events().inNamespace(CANARY.namespace()).list().getItems().stream()
        .sorted(Comparator.comparing(e -> e.getMetadata().getName())).toList();
  }

  @Test
  void twoSinksThatPickTheSameNameBothPublishInOrderPerSink() {
    KubernetesEventSink a = KubernetesEventSink.builder(client).wallNanos(() -> 1_000L).build();
    KubernetesEventSink b = KubernetesEventSink.builder(client).wallNanos(() -> 1_000L).build();
    a.event(CANARY, CanaryEvent.info("a1"));
    b.event(CANARY, CanaryEvent.info("b1"));
    a.event(CANARY, CanaryEvent.info("a2"));
    assertThat(events()).extracting(Event::getMessage).containsExactly("a1", "b1", "a2");
    assertThat(events()).extracting(e -> e.getMetadata().getName())
        .containsExactly("podinfo.00000000000003e8", "podinfo.00000000000003e9", "podinfo.00000000000003ea");
    assertThat(a.failures() + b.failures()).isZero();
  }

  @Test
  void anUnreachableApiServerIsCountedNotThrown() {
    try (KubernetesClient down = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("http://127.0.0.1:1").withRequestRetryBackoffLimit(0).build()).build()) {
      KubernetesEventSink sink = KubernetesEventSink.builder(down).build();
      sink.event(CANARY, CanaryEvent.warning("Halt advancement"));
      assertThat(sink.failures()).isEqualTo(1);
    }
  }
}
