package dev.canarykit.core.analysis;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The pure canary state machine: (spec, status, input, now) → {@link Transition}. No I/O, no clock reads, no
 * threads, no logging; the same inputs always give the same transition.
 *
 * <p>One tick is a conversation. Start with {@link TickInput#start(String)}; while the transition is not
 * complete, execute its commands, append their outcomes to the input and step again, passing the status the tick
 * started with every time. The last transition carries the status to persist. Each step replays the outcomes
 * already known, so a recorded tick replays bit for bit.
 *
 * <pre>{@code
 * CanaryAnalysis machine = CanaryAnalysis.of(canary);
 * TickInput input = TickInput.start(randomLetters);
 * Transition tr = machine.step(status, input, now);
 * while (!tr.complete()) {
 *   for (Command c : tr.commands()) input = input.with(execute(c));
 *   tr = machine.step(status, input, now);
 * }
 * persist(tr.status());
 * }</pre>
 *
 * <p>Behaviour follows Flagger v1.44 tick by tick (see {@code docs/flagger-compatibility.md}); where
 * canarykit deliberately differs, {@code docs/decisions.md} says so.
 */
public final class CanaryAnalysis {
  private final Canary canary;
  private final ChecksumMemo checksums = new ChecksumMemo();

  private CanaryAnalysis(Canary canary) {
    this.canary = canary;
  }

  /**
   * A machine for {@code canary}.
   *
   * @throws dev.canarykit.core.validation.InvalidCanaryException if the canary is invalid
   */
  public static CanaryAnalysis of(Canary canary) {
    return new CanaryAnalysis(canary.requireValid());
  }

  /** The canary this machine decides for. */
  public Canary canary() {
    return canary;
  }

  /**
   * One step of a tick.
   *
   * @param status the persisted status at the start of the tick (the same for every step of the tick)
   * @param input the outcomes gathered so far in this tick
   * @param now the tick's time
   * @return the next commands, or the completed tick with the status to persist
   * @throws IllegalArgumentException if the input holds more outcomes than the tick asked for
   */
  public Transition step(CanaryStatus status, TickInput input, Instant now) {
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(input, "input == null");
    Objects.requireNonNull(now, "now == null");
    Tick tick = new Tick(canary, status, input, now, checksums);
    try {
      new TickFlow(tick).run();
    } catch (Tick.Suspend s) {
      return tick.suspended(s);
    }
    tick.requireAllConsumed();
    return tick.complete();
  }
}
