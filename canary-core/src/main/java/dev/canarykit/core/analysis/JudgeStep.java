package dev.canarykit.core.analysis;

import dev.canarykit.core.analysis.Outcome.Revision;
import dev.canarykit.core.judge.Action;
import dev.canarykit.core.judge.Judge;
import dev.canarykit.core.judge.JudgeState;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.judge.Verdict;
import dev.canarykit.core.model.AlertSpec.Severity;

/**
 * The statistical judge's turn in an analysis tick (when {@code spec.judge} is set): count what each version
 * served over the last interval, update the evidence kept in status, and act on the verdict. A regression rolls
 * back at once, without waiting for the failed-checks threshold.
 */
final class JudgeStep {
  private JudgeStep() {}

  /** The judgement, or {@code null} when the tick must stop here (rolled back, held, or a failed check). */
  static Judgement run(Tick t, RunControl run, Revision revision) {
    JudgeState state = t.status().current().judge();
    if (state == null || !state.config().equals(t.spec.judge())) {
      state = JudgeState.start(t.spec.judge());
    }
    Outcome o = t.await(new Command.QueryCounts(t.analysis.intervalOrDefault()));
    Judgement j = o instanceof Outcome.Counts c ? Judge.judge(state, c.counts()) : Judge.error(state);
    t.status().judge(j.state());
    t.judged(j);
    Action action = j.action();
    if (action == Action.ROLLBACK) {
      t.warning("Rolling back " + t.c() + " judge found a regression: " + j.summary());
      t.alert(Severity.ERROR, "Judge found a regression: " + j.summary(), false);
      run.rollback(revision);
      return null;
    }
    if (action == Action.FAIL_CHECK) {
      String why = o instanceof Outcome.Failed f ? "error: " + f.message()
          : j.verdict() == Verdict.NO_DATA && o instanceof Outcome.Counts c
              ? "no data: " + Judge.noDataReason(state.config(), c.counts()) : j.summary();
      t.warning("Halt " + t.c() + " advancement judge " + why);
      t.status().failedChecks(t.status().current().failedChecks() + 1);
      return null;
    }
    if (action == Action.HOLD) {
      t.info("Halt " + t.c() + " advancement judge holds: " + j.summary());
      return null;
    }
    return j;
  }

  /** Whether the judgement lets the strategy promote ({@code null}: no judge, Flagger's rules alone). */
  static boolean promotionAllowed(Judgement j) {
    return j == null || j.action() == Action.ADVANCE || j.action() == Action.PROMOTE;
  }
}
