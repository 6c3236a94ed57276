package dev.canarykit.core.analysis;

import dev.canarykit.core.model.CanaryStatus;
import java.time.Instant;
import java.util.List;

/**
 * The result of one step.
 *
 * <p>While {@code complete} is false, {@code commands} holds the commands to execute next; their outcomes are
 * appended to the {@link TickInput} of the next step. When {@code complete} is true the tick is over and
 * {@code status} is the status to persist (equal to the input status when nothing changed).
 *
 * @param status the status after everything decided so far in this tick
 * @param commands commands to execute before the next step; empty when complete
 * @param events events emitted since the previous step of this tick, in order
 * @param alerts alerts emitted since the previous step of this tick, in order
 * @param complete whether the tick is over
 * @param pacedUntil when the tick is complete and stopped before its analysis step because the canary's interval
 *     had not elapsed since the last step: the instant from which the next step may run (a reconciler triggered by
 *     events reschedules itself then); otherwise {@code null}
 */
public record Transition(CanaryStatus status, List<Command> commands, List<CanaryEvent> events, List<Alert> alerts,
    boolean complete, Instant pacedUntil) {
  public Transition {
    commands = List.copyOf(commands);
    events = List.copyOf(events);
    alerts = List.copyOf(alerts);
  }

  /** A transition that is not paced. */
  public Transition(
      CanaryStatus status, List<Command> commands, List<CanaryEvent> events, List<Alert> alerts, boolean complete) {
    this(status, commands, events, alerts, complete, null);
  }

  /** Whether the tick stopped before its analysis step, which is not due yet ({@link #pacedUntil()}). */
  public boolean paced() {
    return pacedUntil != null;
  }
}
