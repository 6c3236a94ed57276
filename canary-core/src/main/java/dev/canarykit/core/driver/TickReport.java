package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryAnalysis;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.TickInput;
import dev.canarykit.core.analysis.Transition;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import java.time.Instant;
import java.util.List;

/**
 * What one tick did, and why: the decision provenance. Feeding {@link #outcomes()} back into the machine with the
 * same start status, time and entropy reproduces every transition ({@link #verifyReplay()}).
 *
 * @param canary the Canary the tick decided for (its spec included)
 * @param startStatus the status read at the start of the tick, or {@code null} when it could not be read
 * @param now the tick's time
 * @param entropy the tick's random letters
 * @param steps every step, in order: the input given and the transition returned
 * @param executions every command executed, in order, with its outcome
 * @param events every event of the tick, in order
 * @param alerts every alert of the tick, in order
 * @param finalStatus the status the tick ended with (whether or not it was written), or {@code null} when the
 *     status could not be read
 * @param persistence what happened to the final status
 * @param problems what went wrong outside the machine's view: read or write failures, conflicts, sink errors
 */
public record TickReport(
    Canary canary,
    CanaryStatus startStatus,
    Instant now,
    String entropy,
    List<Step> steps,
    List<Execution> executions,
    List<CanaryEvent> events,
    List<Alert> alerts,
    CanaryStatus finalStatus,
    Persistence persistence,
    List<String> problems) {

  public TickReport {
    steps = List.copyOf(steps);
    executions = List.copyOf(executions);
    events = List.copyOf(events);
    alerts = List.copyOf(alerts);
    problems = List.copyOf(problems);
  }

  /** {@code <name>.<namespace>} of the Canary. */
  public String canaryId() {
    return canary.qualifiedName();
  }

  /** Whether the final status was written. */
  public boolean written() {
    return persistence == Persistence.WRITTEN;
  }

  /**
   * When the tick stopped before its analysis step because the canary's interval had not elapsed since the last
   * one: the instant from which the next step may run. A scheduler that ticks on events (or a timer that fired
   * early) ticks again then.
   */
  public java.util.Optional<Instant> pacedUntil() {
    return steps.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(steps.get(steps.size() - 1).transition().pacedUntil());
  }

  /** The outcomes of the tick's commands, in order: the replay log. */
  public List<Outcome> outcomes() {
    return executions.stream().map(Execution::outcome).toList();
  }

  /** The transitions of the tick, in order. */
  public List<Transition> transitions() {
    return steps.stream().map(Step::transition).toList();
  }

  /**
   * Checks that the machine built from {@link #canary()} reproduces every recorded transition.
   *
   * @throws IllegalStateException naming the first step that differs
   */
  public void verifyReplay() {
    verify(CanaryAnalysis.of(canary)::step, this);
  }

  /**
   * Checks that {@code machine} reproduces every transition of {@code report}.
   *
   * @throws IllegalStateException naming the first step that differs
   */
  static void verify(StepFunction machine, TickReport report) {
    if (report.startStatus == null) {
      return;
    }
    List<Transition> replayed = replay(machine, report.startStatus, report.now, report.entropy, report.outcomes());
    List<Transition> recorded = report.transitions();
    for (int i = 0; i < Math.max(replayed.size(), recorded.size()); i++) {
      Transition want = i < recorded.size() ? recorded.get(i) : null;
      Transition got = i < replayed.size() ? replayed.get(i) : null;
      if (want == null || !want.equals(got)) {
        throw new IllegalStateException("replay differs at step " + i + ": recorded " + want + " but replay gave "
            + got);
      }
    }
  }

  /**
   * Replays a tick: steps {@code machine} from {@code start}, answering each command with the next outcome.
   *
   * @return the transitions, the last one complete
   * @throws IllegalArgumentException if the log has too few or too many outcomes for the commands asked
   */
  static List<Transition> replay(
      StepFunction machine, CanaryStatus start, Instant now, String entropy, List<Outcome> outcomes) {
    List<Transition> out = new java.util.ArrayList<>();
    Transition t = machine.step(TickInput.start(start, now, entropy));
    out.add(t);
    int next = 0;
    while (!t.complete()) {
      if (next + t.commands().size() > outcomes.size()) {
        throw new IllegalArgumentException("the log ends after " + outcomes.size() + " outcomes, but step "
            + (out.size() - 1) + " asks for " + t.commands());
      }
      TickInput input = t.nextInput();
      for (int i = 0; i < t.commands().size(); i++) {
        input = input.with(outcomes.get(next++));
      }
      t = machine.step(input);
      out.add(t);
    }
    if (next != outcomes.size()) {
      throw new IllegalArgumentException(
          "the tick completed after " + next + " outcomes, but the log has " + outcomes.size());
    }
    return List.copyOf(out);
  }

  /**
   * One step of the tick.
   *
   * @param input the input the machine was given
   * @param transition what it returned
   */
  public record Step(TickInput input, Transition transition) {}

  /**
   * One executed command.
   *
   * @param command the command
   * @param outcome its outcome as fed to the machine (a port exception already turned into a failure)
   */
  public record Execution(Command<?> command, Outcome outcome) {}

  /** What happened to the tick's final status. */
  public enum Persistence {
    /** The status did not change; nothing was written. */
    UNCHANGED,
    /** The status was written. */
    WRITTEN,
    /** The stored status changed during the tick; nothing was written and the next tick decides again. */
    CONFLICT,
    /** The write failed; nothing was written. */
    WRITE_FAILED,
    /** The status could not be read; the machine did not run. */
    READ_FAILED,
    /**
     * The driver's {@link WriteFence} was closed (its controller stopped or lost leadership) or the tick's thread was
     * interrupted; nothing was written.
     */
    FENCED
  }
}
