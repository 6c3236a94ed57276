package dev.canarykit.examples.bench;

import dev.canarykit.core.analysis.CanaryAnalysis;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.TickInput;
import dev.canarykit.core.analysis.Transition;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure step function. Each benchmark is the last step of a tick, the one that replays every outcome of the
 * tick and returns the completed transition: the most expensive step of that tick.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepBenchmark {
  private static final String HASH = "0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

  private final CanaryAnalysis machine = CanaryAnalysis.of(dev.canarykit.core.testing.SeedRelease.canary());
  private final CanaryStatus succeeded = CanaryStatus.initial().toBuilder().phase(Phase.SUCCEEDED)
      .lastAppliedSpec(HASH).lastPromotedSpec(HASH).build();
  private final CanaryStatus progressing = succeeded.toBuilder().phase(Phase.PROGRESSING)
      .lastAppliedSpec("fedcba9876543210").canaryWeight(10).build();
  private final TickInput idle = input(List.of(revision(HASH), Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK,
      Outcome.OK));
  private final TickInput advancing = input(List.of(revision("fedcba9876543210"), Outcome.OK, Outcome.OK,
      Outcome.OK, Outcome.OK, Outcome.OK, Outcome.Readiness.READY, new Outcome.Routes(90, 10, false),
      Outcome.Readiness.READY, Outcome.OK, new Outcome.MetricValue(99.9), new Outcome.MetricValue(120),
      Outcome.OK));

  private static Outcome revision(String hash) {
    return new Outcome.Revision(hash, Map.of());
  }

  private static TickInput input(List<Outcome> outcomes) {
    return new TickInput(outcomes, "abcdefghijklmnopqrstuvwxyzABCDEF");
  }

  /** A Succeeded canary whose target did not change: reconcile and stop. */
  @Benchmark
  public Transition idleStep() {
    return machine.step(succeeded, idle, NOW);
  }

  /** A Progressing canary at 10%: hooks and metrics pass, the weight goes to 20%. */
  @Benchmark
  public Transition advancingStep() {
    return machine.step(progressing, advancing, NOW);
  }
}
