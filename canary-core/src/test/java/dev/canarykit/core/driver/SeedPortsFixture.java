package dev.canarykit.core.driver;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.RecordingEventSink;
import dev.canarykit.core.testing.ScriptedMetricSource;
import dev.canarykit.core.testing.SeedRelease;

/**
 * The fixture of the driver tests that build their drivers themselves: the seed release's Canary on the in-memory
 * ports with healthy metrics; each test brings its own status store.
 */
abstract class SeedPortsFixture {
  final Canary canary = SeedRelease.canary();
  final ManualClock clock = ManualClock.ofDefaults();
  final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
  final InMemoryTrafficRouter router = new InMemoryTrafficRouter();
  final ScriptedMetricSource metrics = new ScriptedMetricSource()
      .fix("request-success-rate", 100).fix("request-duration", 120);
  final RecordingEventSink events = new RecordingEventSink();

  /** A driver builder on these ports (no webhook fails) and {@code statuses}. */
  CanaryDriver.Builder driverOn(StatusStore statuses) {
    return CanaryDriver.builder().workloads(workloads).router(router).metrics(metrics)
        .webhooks(new InMemoryWebhookClient()).statuses(statuses).events(events).clock(clock);
  }
}
