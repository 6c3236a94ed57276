package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.TickInput;
import dev.canarykit.core.analysis.Transition;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.EventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The step loop of one tick, and everything it records for the {@link TickReport}. */
final class TickRun {
  final List<TickReport.Step> steps = new ArrayList<>();
  final List<TickReport.Execution> executions = new ArrayList<>();
  final List<CanaryEvent> events = new ArrayList<>();
  final List<Alert> alerts = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  private final Canary canary;
  private final CanaryStatus start;
  private final Instant now;
  private final CommandExecutor executor;
  private final EventSink sink;
  private final WriteFence fence;
  private final PortCalls portCalls;

  TickRun(Canary canary, CanaryStatus start, Instant now, CommandExecutor executor, EventSink sink,
      WriteFence fence, PortCalls portCalls) {
    this.portCalls = portCalls;
    this.canary = canary;
    this.start = start;
    this.now = now;
    this.executor = executor;
    this.sink = sink;
    this.fence = fence;
  }

  /** Steps until the machine completes (the machine bounds the steps); returns the complete transition. */
  Transition run(StepFunction machine, String entropy) {
    Transition t = step(machine, TickInput.start(start, now, entropy));
    while (!t.complete()) {
      TickInput input = t.nextInput();
      for (Command<?> c : t.commands()) {
        Outcome o = execute(c);
        executions.add(new TickReport.Execution(c, o));
        input = input.with(o);
      }
      t = step(machine, input);
    }
    return t;
  }

  /**
   * Runs a command; one that changes something only through the fence; none once the fence is closed or the
   * tick's thread was interrupted (its deadline passed, or its controller is stopping).
   */
  private Outcome execute(Command<?> c) {
    if (interrupted()) {
      return CommandExecutor.refused(c, CanaryDriver.INTERRUPTED);
    }
    if (CommandExecutor.changesSomething(c)) {
      return fence.admit(() -> executor.execute(canary, c, now),
          () -> CommandExecutor.refused(c, WriteFence.CLOSED));
    }
    return fence.isOpen() ? executor.execute(canary, c, now) : CommandExecutor.refused(c, WriteFence.CLOSED);
  }

  /** Whether the tick's thread was interrupted; the flag stays set for its owner to see. */
  static boolean interrupted() {
    return Thread.currentThread().isInterrupted();
  }

  private Transition step(StepFunction machine, TickInput input) {
    Transition t = machine.step(input);
    steps.add(new TickReport.Step(input, t));
    t.events().forEach(this::publish);
    t.alerts().forEach(this::publish);
    return t;
  }

  private void publish(CanaryEvent e) {
    events.add(e);
    deliver("\"" + e.message() + "\"", () -> sink.event(canary, start, e));
  }

  private void publish(Alert a) {
    alerts.add(a);
    deliver("alert \"" + a.message() + "\"", () -> sink.alert(canary, a));
  }

  /** Hands an event or alert to the sink through the fence; a failure or refusal is a problem, never thrown. */
  private void deliver(String what, Runnable delivery) {
    if (interrupted()) {
      problems.add(what + " not published: " + CanaryDriver.INTERRUPTED);
      return;
    }
    String problem = fence.admit(() -> {
      try {
        portCalls.call(() -> {
          delivery.run();
          return null;
        });
        return null;
      } catch (RuntimeException x) {
        return "event sink failed on " + what + ": " + CommandExecutor.message(x);
      }
    }, () -> what + " not published: " + WriteFence.CLOSED);
    if (problem != null) {
      problems.add(problem);
    }
  }
}
