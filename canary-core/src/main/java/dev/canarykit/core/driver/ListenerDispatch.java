package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Transition;
import dev.canarykit.core.judge.Judge;
import dev.canarykit.core.judge.JudgeState;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import java.time.Duration;
import java.util.Iterator;

/** Derives a {@link CanaryListener}'s callbacks from a {@link TickReport}; a listener that throws is ignored. */
final class ListenerDispatch {
  private ListenerDispatch() {}

  static void dispatch(CanaryListener listener, TickReport report, Duration elapsed) {
    quietly(() -> weights(listener, report));
    quietly(() -> metrics(listener, report));
    quietly(() -> judgements(listener, report));
    quietly(() -> phase(listener, report));
    quietly(() -> listener.tickCompleted(report, elapsed));
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // listeners must not throw; one that does never fails a tick
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
      for (Command c : t.commands()) {
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
