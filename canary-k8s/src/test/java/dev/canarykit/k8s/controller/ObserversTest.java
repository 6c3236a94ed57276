package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.driver.CanaryListener;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.EventSink;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The controller hands every event and alert to the configured sink chain and every tick to the listener. */
@EnableKubernetesMockClient(crud = true)
class ObserversTest {
  KubernetesClient client;

  @Test
  void eventsAlertsAndTicksReachTheConfiguredObservers() {
    SeedWorld w = new SeedWorld(client);
    List<String> seen = new CopyOnWriteArrayList<>();
    List<Alert> alerts = new CopyOnWriteArrayList<>();
    Map<String, Long> totals = new ConcurrentHashMap<>();
    List<TickReport> ticks = new CopyOnWriteArrayList<>();
    CanaryListener listener = new CanaryListener() {
      @Override
      public void tickCompleted(TickReport report, Duration elapsed) {
        ticks.add(report);
      }

      @Override
      public void canariesCounted(String namespace, long count) {
        totals.put(namespace, count);
      }
    };
    var config = w.config(c -> Duration.ofMillis(200)).listener(listener).events(k8s -> new EventSink() {
      @Override
      public void event(Canary canary, dev.canarykit.core.model.CanaryStatus status, CanaryEvent event) {
        seen.add(event.message());
        k8s.event(canary, status, event);
      }

      @Override
      public void alert(Canary canary, Alert alert) {
        alerts.add(alert);
      }
    }).build();
    try (CanaryController c = CanaryController.create(client, config).start()) {
      assertThat(c.isLeading()).isTrue();
      await().atMost(Duration.ofSeconds(20)).until(() -> !ticks.isEmpty());
      w.rollOut();
      // the alert follows the event in the same step: stopping the controller before it is published refuses it
      await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("Initialization done! podinfo.test")
          && !alerts.isEmpty());
    }
    assertThat(totals).containsEntry("test", 1L);
    assertThat(seen).contains("Initialization done! podinfo.test");
    assertThat(alerts).extracting(Alert::message).contains("New Deployment detected, initialization completed.");
    assertThat(client.v1().events().inNamespace("test").list().getItems())
        .anyMatch(e -> "Initialization done! podinfo.test".equals(e.getMessage()));
  }
}
