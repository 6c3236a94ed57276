package dev.canarykit.core.analysis;

import dev.canarykit.core.model.Canary;
import java.util.Objects;

/**
 * The pure canary state machine: (spec, status, input, now) → {@link Transition}. No I/O, no clock reads, no
 * threads, no logging; the same inputs always give the same transition.
 *
 * <p>One tick is a conversation. Start it with {@link TickInput#start} (the status as read, the tick's time);
 * while the transition is not complete, answer its commands on {@link Transition#nextInput()} and step again. The
 * last transition carries the status to persist. Each step replays the answers already known ({@link Replay}), so
 * a recorded tick replays bit for bit.
 *
 * <pre>{@code
 * CanaryAnalysis machine = CanaryAnalysis.of(canary);
 * Transition t = machine.step(TickInput.start(status, now, randomLetters));
 * while (!t.complete()) {
 *   TickInput input = t.nextInput();
 *   for (Command<?> c : t.commands()) input = input.with(c.accept(adapters)); // adapters: your Command.Handler
 *   t = machine.step(input);
 * }
 * persist(t.status());
 * }</pre>
 *
 * <p>A step rejects an answer of the wrong type, a missing answer and a tick that asks for more than
 * {@link #commandLimit()} commands with an exception: these are bugs in the caller (or the machine), never
 * failed checks.
 *
 * <p>Behaviour follows Flagger v1.44 tick by tick (see {@code docs/flagger-compatibility.md}); where
 * canarykit deliberately differs, {@code docs/decisions.md} says so.
 */
public final class CanaryAnalysis {
  private final Canary canary;
  private final int commandLimit;
  private final ChecksumMemo checksums = new ChecksumMemo();

  private CanaryAnalysis(Canary canary, int commandLimit) {
    this.canary = canary;
    this.commandLimit = commandLimit;
  }

  /**
   * A machine for {@code canary}.
   *
   * @throws dev.canarykit.core.validation.InvalidCanaryException if the canary is invalid
   */
  public static CanaryAnalysis of(Canary canary) {
    Canary valid = canary.requireValid();
    return new CanaryAnalysis(valid, commandLimit(valid));
  }

  /** A machine with another command limit, for tests of the limit. */
  static CanaryAnalysis of(Canary canary, int commandLimit) {
    return new CanaryAnalysis(canary.requireValid(), commandLimit);
  }

  /**
   * The most commands one tick of this canary may ask for: far more than any path through a tick takes (about 15
   * plus two per webhook and metric), so only a machine bug reaches it.
   */
  public int commandLimit() {
    return commandLimit;
  }

  private static int commandLimit(Canary canary) {
    var analysis = canary.spec().analysisOrEmpty();
    return 64 + 4 * (analysis.webhooks().size() + analysis.metrics().size());
  }

  /** The canary this machine decides for. */
  public Canary canary() {
    return canary;
  }

  /**
   * One step of a tick: replays the tick's record from its start status, then runs on to the next command.
   *
   * @param input the tick's record so far: {@link TickInput#start}, or a transition's {@link Transition#nextInput()}
   *     with an answer for each of its commands
   * @return the next command, or the completed tick with the status to persist
   * @throws IllegalArgumentException if an answer's type is not the one its command declares (naming the command
   *     and that type), a command asked has no answer, or the input holds answers the tick never asked for
   * @throws IllegalStateException if the tick asks for more than {@link #commandLimit()} commands
   */
  public Transition step(TickInput input) {
    Objects.requireNonNull(input, "input == null");
    Replay replay = new Replay(input, commandLimit);
    Tick tick = new Tick(canary, input, replay, checksums);
    Command<?> next = replay.run(new TickFlow(tick));
    return next == null ? tick.complete(input) : tick.asking(input, next);
  }
}
