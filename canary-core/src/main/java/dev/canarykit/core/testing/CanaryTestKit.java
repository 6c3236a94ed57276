package dev.canarykit.core.testing;

import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Canary wired to in-memory ports, a {@link ManualClock} and a driver with repeatable entropy: a release
 * policy test in a few lines. {@link #tick()} runs one tick and then advances the clock by the analysis interval.
 *
 * <pre>{@code
 * var kit = CanaryTestKit.forCanary(canary);
 * kit.tick();
 * kit.workloads().setTargetRevision("v2");
 * kit.metrics().fix("request-success-rate", 99.5);
 * kit.tickUntil(Phase.SUCCEEDED, 20);
 * }</pre>
 */
public final class CanaryTestKit {
  /** The seed of the kit's entropy. */
  public static final long ENTROPY_SEED = 42;

  private final ManualClock clock = ManualClock.ofDefaults();
  private final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
  private final InMemoryTrafficRouter router = new InMemoryTrafficRouter();
  private final ScriptedMetricSource metrics = new ScriptedMetricSource();
  private final InMemoryWebhookClient webhooks = new InMemoryWebhookClient();
  private final InMemorySecretResolver secrets = new InMemorySecretResolver();
  private final InMemoryStatusStore statuses = new InMemoryStatusStore();
  private final RecordingEventSink events = new RecordingEventSink();
  private final List<TickReport> reports = new ArrayList<>();
  private final CanaryDriver driver;
  private Canary canary;

  private CanaryTestKit(Canary canary) {
    this.canary = Objects.requireNonNull(canary, "canary == null");
    this.driver = CanaryDriver.builder().workloads(workloads).router(router).metrics(metrics).webhooks(webhooks)
        .statuses(statuses).events(events).clock(clock).seed(ENTROPY_SEED).build();
  }

  /** A kit for {@code canary}: no status yet, target at {@link InMemoryWorkloadStore#INITIAL_REVISION}. */
  public static CanaryTestKit forCanary(Canary canary) {
    return new CanaryTestKit(canary);
  }

  /** Runs one tick, then advances the clock by the analysis interval. */
  public TickReport tick() {
    TickReport report = driver.tick(canary);
    reports.add(report);
    clock.advance(interval());
    return report;
  }

  /** Runs {@code n} ticks; returns their reports. */
  public List<TickReport> ticks(int n) {
    List<TickReport> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(tick());
    }
    return out;
  }

  /**
   * Ticks (at least once) until the stored phase is {@code phase}.
   *
   * @return the report of the tick that reached it
   * @throws AssertionError if {@code maxTicks} ticks do not reach it, with the events seen
   */
  public TickReport tickUntil(Phase phase, int maxTicks) {
    for (int i = 0; i < maxTicks; i++) {
      TickReport report = tick();
      if (phase() == phase) {
        return report;
      }
    }
    throw new AssertionError("phase " + phase + " not reached in " + maxTicks + " ticks; phase is " + phase()
        + "; events:\n  " + String.join("\n  ", events.messages()));
  }

  /** The stored status. */
  public CanaryStatus status() {
    return statuses.status(canary);
  }

  /** The stored phase. */
  public Phase phase() {
    return status().phase();
  }

  /** Replaces the Canary (a spec edit); later ticks decide for the new one. */
  public void setCanary(Canary updated) {
    canary = Objects.requireNonNull(updated, "updated == null");
  }

  /** The Canary ticked. */
  public Canary canary() {
    return canary;
  }

  /** The analysis interval the clock advances by after each tick. */
  public Duration interval() {
    return canary.spec().analysisOrEmpty().intervalOrDefault();
  }

  /** Every tick's report, in order. */
  public List<TickReport> reports() {
    return List.copyOf(reports);
  }

  /** The clock. */
  public ManualClock clock() {
    return clock;
  }

  /** The workload store. */
  public InMemoryWorkloadStore workloads() {
    return workloads;
  }

  /** The traffic router. */
  public InMemoryTrafficRouter router() {
    return router;
  }

  /** The metric source. */
  public ScriptedMetricSource metrics() {
    return metrics;
  }

  /** The webhook client. */
  public InMemoryWebhookClient webhooks() {
    return webhooks;
  }

  /** A secret resolver for adapters under test; the driver does not use it. */
  public InMemorySecretResolver secrets() {
    return secrets;
  }

  /** The status store. */
  public InMemoryStatusStore statuses() {
    return statuses;
  }

  /** The event sink. */
  public RecordingEventSink events() {
    return events;
  }

  /** The driver. */
  public CanaryDriver driver() {
    return driver;
  }
}
