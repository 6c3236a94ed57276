package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Transition;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Derives a {@link CanaryListener}'s callbacks from a {@link TickReport}. A listener that throws never fails a
 * tick: each exception is counted and logged once, at WARNING with its stack trace (docs/decisions.md, "Logging").
 */
final class ListenerDispatch {
  private static final System.Logger LOG = System.getLogger(CanaryDriver.class.getName());

  private ListenerDispatch() {}

  static void dispatch(CanaryListener listener, TickReport report, Duration elapsed, AtomicLong failures) {
    Guard guard = new Guard(report, failures);
    guard.run("weightsObserved", () -> weights(listener, report));
    guard.run("metricAnalysed", () -> metrics(listener, report));
    guard.run("judged", () -> judgements(listener, report));
    guard.run("phaseChanged", () -> phase(listener, report));
    guard.run("tickCompleted", () -> listener.tickCompleted(report, elapsed));
  }

  private record Guard(TickReport report, AtomicLong failures) {
    void run(String callback, Runnable r) {
      try {
        r.run();
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        LOG.log(Level.WARNING, () -> "canary listener threw in " + callback + " for canary "
            + report.canary().qualifiedName() + "; the tick is not affected", e);
      }
    }
  }

  private static void weights(CanaryListener l, TickReport r) {
    List<Transition> steps = r.transitions();
    Outcome.Routes routes = steps.isEmpty() ? null : steps.get(steps.size() - 1).routes();
    if (routes != null) {
      l.weightsObserved(r.canary(), routes.primaryWeight(), routes.canaryWeight());
    }
  }

  private static void metrics(CanaryListener l, TickReport r) {
    for (TickReport.Execution e : r.executions()) {
      if (e.command() instanceof Command.QueryMetric q && e.outcome() instanceof Outcome.MetricValue v) {
        l.metricAnalysed(r.canary(), q.metric(), v.value());
      }
    }
  }

  /** The judgements the machine made, as its transitions carry them. */
  private static void judgements(CanaryListener l, TickReport r) {
    for (Transition t : r.transitions()) {
      if (t.judgement() != null) {
        l.judged(r.canary(), t.judgement());
      }
    }
  }

  private static void phase(CanaryListener l, TickReport r) {
    if (r.written() && r.startStatus().phase() != r.finalStatus().phase()) {
      l.phaseChanged(r.canary(), r.startStatus().phase(), r.finalStatus().phase());
    }
  }
}
