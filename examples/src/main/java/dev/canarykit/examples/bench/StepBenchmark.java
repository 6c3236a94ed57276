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
 * The pure step function. {@code idleStep} and {@code advancingStep} are the last step of a tick, the one that
 * replays every outcome of the tick and returns the completed transition: the most expensive step of that tick.
 * {@code advancingTick} is every step of the advancing tick, from its start to its completion: what the replay
 * costs a whole tick.
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
  private final List<Outcome> advancingAnswers = List.of(revision("fedcba9876543210"), Outcome.OK, Outcome.OK,
      Outcome.OK, Outcome.OK, Outcome.OK, Outcome.Readiness.READY, new Outcome.Routes(90, 10, false),
      Outcome.Readiness.READY, Outcome.OK, new Outcome.MetricValue(99.9), new Outcome.MetricValue(120),
      Outcome.OK);
  private final TickInput idle = lastInput(succeeded, List.of(revision(HASH), Outcome.OK, Outcome.OK, Outcome.OK,
      Outcome.OK, Outcome.OK));
  private final TickInput advancing = lastInput(progressing, advancingAnswers);

  private static Outcome revision(String hash) {
    return new Outcome.Revision(hash, Map.of());
  }

  private static TickInput start(CanaryStatus status) {
    return TickInput.start(status, NOW, "abcdefghijklmnopqrstuvwxyzABCDEF");
  }

  /** The input of the tick's last step: the tick answered step by step with {@code answers}. */
  private TickInput lastInput(CanaryStatus status, List<Outcome> answers) {
    Transition t = machine.step(start(status));
    TickInput input = t.input();
    for (Outcome o : answers) {
      input = t.nextInput().with(o);
      t = machine.step(input);
    }
    if (!t.complete()) {
      throw new IllegalStateException("the benchmark's tick did not complete: " + t);
    }
    return input;
  }

  /** A Succeeded canary whose target did not change: reconcile and stop. */
  @Benchmark
  public Transition idleStep() {
    return machine.step(idle);
  }

  /** A Progressing canary at 10%: hooks and metrics pass, the weight goes to 20%. */
  @Benchmark
  public Transition advancingStep() {
    return machine.step(advancing);
  }

  /** Every step of the advancing tick: 14 steps, each replaying the answers before it. */
  @Benchmark
  public Transition advancingTick() {
    Transition t = machine.step(start(progressing));
    for (Outcome o : advancingAnswers) {
      t = machine.step(t.nextInput().with(o));
    }
    return t;
  }
}
