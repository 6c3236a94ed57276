package dev.canarykit.core.analysis;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import java.time.Instant;

/**
 * The pure canary state machine: (spec, status, input, now) → {@link Transition}. No I/O, no clock reads, no
 * threads, no logging; the same inputs always give the same transition.
 *
 * <p>One tick is a conversation. Start with {@link TickInput#start(String)}; while the transition is not
 * complete, execute its commands, append their outcomes to the input and step again, passing the status the tick
 * started with every time. The last transition carries the status to persist.
 */
public final class CanaryAnalysis {
  private final Canary canary;

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
   */
  public Transition step(CanaryStatus status, TickInput input, Instant now) {
    throw new UnsupportedOperationException("not yet");
  }
}
