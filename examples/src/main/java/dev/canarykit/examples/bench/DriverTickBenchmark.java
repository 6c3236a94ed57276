package dev.canarykit.examples.bench;

import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.testing.InMemoryStatusStore;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.ScriptedMetricSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole tick through {@link CanaryDriver} on the in-memory ports of {@code dev.canarykit.core.testing}: every
 * step of the tick, the port calls, the report and the status write. The in-memory ports record their calls, so
 * the fixture is rebuilt every iteration to keep that history short.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DriverTickBenchmark {
  private final Canary canary = dev.canarykit.core.testing.SeedRelease.canary();
  private final Duration interval = canary.spec().analysisOrEmpty().intervalOrDefault();
  private InMemoryTrafficRouter router;
  private ManualClock clock;
  private CanaryDriver idleDriver;
  private CanaryDriver advancingDriver;

  @Setup(Level.Iteration)
  public void setUp() {
    clock = ManualClock.ofDefaults();
    idleDriver = driver(new InMemoryTrafficRouter(), new InMemoryWorkloadStore());
    idleDriver.tick(canary);
    router = new InMemoryTrafficRouter();
    InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
    advancingDriver = driver(router, workloads);
    advancingDriver.tick(canary);
    workloads.setTargetRevision("v2");
    clock.advance(interval);
    advancingDriver.tick(canary);
    clock.advance(interval);
    if (advancingDriver.tick(canary).finalStatus().phase() != Phase.PROGRESSING || router.canaryWeight() != 10) {
      throw new IllegalStateException("fixture did not reach Progressing");
    }
  }

  private CanaryDriver driver(InMemoryTrafficRouter r, InMemoryWorkloadStore workloads) {
    ScriptedMetricSource metrics = new ScriptedMetricSource();
    metrics.fix("request-success-rate", 99.9).fix("request-duration", 120);
    return CanaryDriver.builder().workloads(workloads).router(r).metrics(metrics)
        .webhooks(new InMemoryWebhookClient()).statuses(new InMemoryStatusStore()).events(EventSink.NOOP)
        .clock(clock).seed(1).build();
  }

  /** A Succeeded canary whose target did not change. */
  @Benchmark
  public TickReport idleTick() {
    return idleDriver.tick(canary);
  }

  /**
   * A Progressing canary at 10%: hooks and metrics pass, the weight goes to 20%. The clock moves by the interval
   * first, so every tick is due (pacing would stop an earlier one before its analysis step).
   */
  @Benchmark
  public TickReport advancingTick() {
    router.setRoutes(90, 10, false);
    clock.advance(interval);
    return advancingDriver.tick(canary);
  }
}
