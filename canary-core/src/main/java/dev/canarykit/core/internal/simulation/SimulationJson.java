package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.internal.JsonWriter;
import dev.canarykit.core.simulation.RunResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The simulation report as JSON: {"policies": {"flagger": {...}, "statistical": {...}}}. */
final class SimulationJson {
  private SimulationJson() {}

  static String report(List<PolicySummary> summaries) {
    JsonWriter w = JsonWriter.minimal().beginObject().name("policies").beginObject();
    for (PolicySummary p : summaries) {
      policy(w.name(p.policy().wireName()), p);
    }
    return w.endObject().endObject().text();
  }

  private static void policy(JsonWriter w, PolicySummary p) {
    w.beginObject().name("scenarios").beginArray();
    p.scenarios().forEach(s -> scenario(w, s));
    w.endArray()
        .name("falseRollbackRate").value(number(p.falseRollbackRate()))
        .name("missedRegressionRate").value(number(p.missedRegressionRate()))
        .name("undecidedRate").value(number(p.undecidedRate()))
        .name("medianMinutesToRollbackOfRegressions").value(number(p.medianMinutesToRollbackOfRegressions()))
        .name("meanBadRequestsServedByCanaryOnRegressions")
        .value(number(p.meanBadRequestsServedByCanaryOnRegressions()))
        .endObject();
  }

  private static void scenario(JsonWriter w, ScenarioSummary s) {
    w.beginObject().name("name").value(s.scenario().name())
        .name("runs").value(s.results().size())
        .name("promoted").value(s.count(RunResult.End.PROMOTED))
        .name("rolledBack").value(s.count(RunResult.End.ROLLED_BACK))
        .name("undecided").value(s.count(RunResult.End.UNDECIDED))
        .name("medianMinutesToDecision").value(number(s.medianMinutesToDecision()))
        .name("p90MinutesToDecision").value(number(s.p90MinutesToDecision()))
        .name("meanCanaryRequests").value(number(s.meanCanaryRequests()))
        .endObject();
  }

  /** {@code v} to at most four decimals and at least one, or {@code null} when there was nothing to measure. */
  static BigDecimal number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    BigDecimal b = new BigDecimal(String.format(Locale.ROOT, "%.4f", v)).stripTrailingZeros();
    return b.scale() <= 0 ? b.setScale(1) : b;
  }
}
