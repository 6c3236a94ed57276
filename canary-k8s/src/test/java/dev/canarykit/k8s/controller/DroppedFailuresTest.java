package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A {@link ControllerListener} or an {@code onTick} handler that throws neither stops the ticks nor goes unseen:
 * each exception is counted in {@link CanaryController#failures()} (and logged once).
 */
@EnableKubernetesMockClient(crud = true)
class DroppedFailuresTest {
  KubernetesClient client;

  @Test
  void throwingObserversAreCountedAndTheTicksGoOn() {
    SeedWorld w = new SeedWorld(client);
    AtomicInteger thrown = new AtomicInteger();
    ControllerListener listener = new ControllerListener() {
      @Override
      public void tookOver(int canaries, Duration took) {
        thrown.incrementAndGet();
        throw new IllegalStateException("listener bug on take-over");
      }

      @Override
      public void tickStarted(String namespace, String name, Duration lateness, Duration interval) {
        thrown.incrementAndGet();
        throw new IllegalStateException("listener bug on a tick");
      }
    };
    var config = w.config(c -> Duration.ofMillis(200)).controllerListener(listener).onTick(r -> {
      w.reports.add(r);
      thrown.incrementAndGet();
      throw new IllegalStateException("onTick bug");
    }).build();
    try (CanaryController c = CanaryController.create(client, config).start()) {
      // the take-over's listener call is counted before start() returns; the first ticks may already have run
      assertThat(c.failures()).as("the take-over's listener call").isGreaterThanOrEqualTo(1);
      await().atMost(Duration.ofSeconds(60)).until(() -> w.reports.size() >= 3);
      await().atMost(Duration.ofSeconds(20)).until(() -> c.failures() >= 1 + 2 * 3);
      c.stop();
      assertThat(c.failures()).isEqualTo(thrown.get());
    }
  }
}
