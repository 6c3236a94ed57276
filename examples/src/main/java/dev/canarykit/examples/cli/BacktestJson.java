package dev.canarykit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarykit.core.backtest.BacktestSummary;
import dev.canarykit.core.backtest.PolicyRun;
import dev.canarykit.core.backtest.ReleaseBacktest;
import dev.canarykit.core.simulation.RunResult.End;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The {@code backtest} command's JSON:
 * <pre>
 * {"policies": {"flagger": {
 *     "releases": [{"name": "...", "verdict": "bad", "decision": "rolledBack|promoted|undecided",
 *                   "minutesToDecision": 7.0, "firstFailedCheckMinutes": 2.0}],
 *     "falseRollbackRate": 0.0, "missedRegressionRate": 0.0, "undecidedRate": 0.0,
 *     "medianMinutesToRollbackOfRegressions": 0.0},
 *   "statistical": { ...same shape... }}}
 * </pre>
 * A figure with nothing to measure, an unlabelled verdict and a time that did not happen are {@code null}.
 */
final class BacktestJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BacktestJson() {}

  static String write(List<BacktestSummary> summaries) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode policies = root.putObject("policies");
    for (BacktestSummary s : summaries) {
      ObjectNode p = policies.putObject(s.policy().wireName());
      var releases = p.putArray("releases");
      for (ReleaseBacktest r : s.releases()) {
        PolicyRun run = r.run(s.policy());
        ObjectNode o = releases.addObject().put("name", r.window().name());
        o.put("verdict", r.window().verdict().map(v -> v.wireName()).orElse(null));
        o.put("decision", decision(run.decision()));
        put(o, "minutesToDecision", run.minutesToDecision().orElse(Double.NaN));
        put(o, "firstFailedCheckMinutes", run.firstFailedCheckMinutes().orElse(Double.NaN));
      }
      put(p, "falseRollbackRate", s.falseRollbackRate());
      put(p, "missedRegressionRate", s.missedRegressionRate());
      put(p, "undecidedRate", s.undecidedRate());
      put(p, "medianMinutesToRollbackOfRegressions", s.medianMinutesToRollbackOfRegressions());
    }
    return root.toString();
  }

  private static void put(ObjectNode o, String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(field);
    } else {
      o.put(field, new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).doubleValue());
    }
  }

  /** {@code rolledBack}, {@code promoted} or {@code undecided}. */
  static String decision(End e) {
    return e == End.ROLLED_BACK ? "rolledBack" : e == End.PROMOTED ? "promoted" : "undecided";
  }

  /** A figure for text: four decimals at most, {@code null} when there was nothing to measure. */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null";
    }
    return String.valueOf(new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).doubleValue());
  }

  static String number(OptionalDouble v) {
    return number(v.orElse(Double.NaN));
  }
}
