package dev.canarykit.core.analysis;

import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.CanaryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of one step.
 *
 * <p>While {@code commands} is not empty the tick goes on: answer each command on {@link #nextInput()} and step
 * again. When it is empty the tick is {@link #complete()} and {@code status} is the status to persist (equal to the
 * start status when nothing changed).
 *
 * @param input the input this step was given
 * @param status the status after everything decided so far in this tick; persist it only when complete
 * @param commands commands to answer before the next step, in order; empty when the tick is complete
 * @param events events emitted since the previous step of this tick, in order
 * @param alerts alerts emitted since the previous step of this tick, in order
 * @param routes the live routes as the tick knows them so far: the last weights and mirror it set successfully,
 *     else those it read; {@code null} before it did either
 * @param judgement the statistical judge's judgement of this step (at most one per tick), {@code null} in every
 *     other step: the verdict, the action the machine took and the evidence it keeps
 * @param pacedUntil when the tick is complete and stopped before its analysis step because the canary's interval
 *     had not elapsed since the last step: the instant from which the next step may run (a reconciler triggered by
 *     events reschedules itself then); otherwise {@code null}
 */
public record Transition(TickInput input, CanaryStatus status, List<Command<?>> commands, List<CanaryEvent> events,
    List<Alert> alerts, Outcome.Routes routes, Judgement judgement, Instant pacedUntil) {
  public Transition {
    Objects.requireNonNull(input, "input == null");
    Objects.requireNonNull(status, "status == null");
    commands = List.copyOf(commands);
    events = List.copyOf(events);
    alerts = List.copyOf(alerts);
    if (pacedUntil != null && !commands.isEmpty()) {
      throw new IllegalArgumentException("only a complete transition is paced");
    }
  }

  /** A transition without routes, judgement or pacing. */
  public Transition(TickInput input, CanaryStatus status, List<Command<?>> commands, List<CanaryEvent> events,
      List<Alert> alerts) {
    this(input, status, commands, events, alerts, null, null, null);
  }

  /** Whether the tick is over: no command is waiting for an answer. */
  public boolean complete() {
    return commands.isEmpty();
  }

  /** Whether the tick stopped before its analysis step, which is not due yet ({@link #pacedUntil()}). */
  public boolean paced() {
    return pacedUntil != null;
  }

  /**
   * The input of the next step: this step's input, expecting one answer per command of this transition.
   *
   * @throws IllegalStateException if the tick is complete
   */
  public TickInput nextInput() {
    if (complete()) {
      throw new IllegalStateException("the tick is complete; start the next tick with TickInput.start");
    }
    return input.asking(commands.size());
  }

  /** Without the input, whose status and outcomes would repeat the whole tick. */
  @Override
  public String toString() {
    return "Transition[after " + input.outcomes().size() + " answers: status=" + status + ", commands=" + commands
        + ", events=" + events + ", alerts=" + alerts + ", routes=" + routes
        + (judgement == null ? "" : ", judgement=" + judgement)
        + (pacedUntil == null ? "" : ", pacedUntil=" + pacedUntil) + "]";
  }
}
