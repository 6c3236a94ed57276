package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Transition;
import dev.canarykit.core.judge.Judge;
import dev.canarykit.core.judge.JudgeState;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Iterator;
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
    int[] last = null;
    for (TickReport.Execution e : r.executions()) {
      if (e.outcome() instanceof Outcome.Routes routes) {
        last = new int[] {routes.primaryWeight(), routes.canaryWeight()};
      } else if (e.command() instanceof Command.SetRoutes set && e.outcome() instanceof Outcome.Ok) {
        last = new int[] {set.primaryWeight(), set.canaryWeight()};
      }
    }
    if (last != null) {
      l.weightsObserved(r.canary(), last[0], last[1]);
    }
  }

  private static void metrics(CanaryListener l, TickReport r) {
    for (TickReport.Execution e : r.executions()) {
      if (e.command() instanceof Command.QueryMetric q && e.outcome() instanceof Outcome.MetricValue v) {
        l.metricAnalysed(r.canary(), q.metric(), v.value());
      }
    }
  }

  /** Re-judges each counted interval from the evidence the machine held when it asked (the judge is pure). */
  private static void judgements(CanaryListener l, TickReport r) {
    if (r.canary().spec().judge() == null) {
      return;
    }
    Iterator<TickReport.Execution> executions = r.executions().iterator();
    for (Transition t : r.transitions()) {
      for (Command<?> c : t.commands()) {
        Outcome o = executions.next().outcome();
        if (c instanceof Command.QueryCounts) {
          l.judged(r.canary(), judge(r.canary(), t.status(), o));
        }
      }
    }
  }

  private static Judgement judge(Canary canary, CanaryStatus asked, Outcome o) {
    JudgeState state = asked.judge();
    if (state == null || !state.config().equals(canary.spec().judge())) {
      state = JudgeState.start(canary.spec().judge());
    }
    return o instanceof Outcome.Counts c ? Judge.judge(state, c.counts()) : Judge.error(state);
  }

  private static void phase(CanaryListener l, TickReport r) {
    if (r.written() && r.startStatus().phase() != r.finalStatus().phase()) {
      l.phaseChanged(r.canary(), r.startStatus().phase(), r.finalStatus().phase());
    }
  }
}
