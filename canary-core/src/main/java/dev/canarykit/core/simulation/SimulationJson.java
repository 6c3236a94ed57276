package dev.canarykit.core.simulation;

import java.util.Locale;

/** A few lines of JSON writing for the simulation report (the core has no JSON library). */
final class SimulationJson {
  private SimulationJson() {}

  static void policy(StringBuilder out, PolicySummary p) {
    out.append("{\"scenarios\": [");
    for (int i = 0; i < p.scenarios().size(); i++) {
      out.append(i == 0 ? "" : ", ");
      scenario(out, p.scenarios().get(i));
    }
    out.append("], \"falseRollbackRate\": ").append(number(p.falseRollbackRate()))
        .append(", \"missedRegressionRate\": ").append(number(p.missedRegressionRate()))
        .append(", \"undecidedRate\": ").append(number(p.undecidedRate()))
        .append(", \"medianMinutesToRollbackOfRegressions\": ").append(number(p.medianMinutesToRollbackOfRegressions()))
        .append(", \"meanBadRequestsServedByCanaryOnRegressions\": ")
        .append(number(p.meanBadRequestsServedByCanaryOnRegressions())).append('}');
  }

  private static void scenario(StringBuilder out, ScenarioSummary s) {
    out.append("{\"name\": ").append(string(s.scenario().name()))
        .append(", \"runs\": ").append(s.results().size())
        .append(", \"promoted\": ").append(s.count(RunResult.End.PROMOTED))
        .append(", \"rolledBack\": ").append(s.count(RunResult.End.ROLLED_BACK))
        .append(", \"undecided\": ").append(s.count(RunResult.End.UNDECIDED))
        .append(", \"medianMinutesToDecision\": ").append(number(s.medianMinutesToDecision()))
        .append(", \"p90MinutesToDecision\": ").append(number(s.p90MinutesToDecision()))
        .append(", \"meanCanaryRequests\": ").append(number(s.meanCanaryRequests())).append('}');
  }

  /** A number, or {@code null} when there was nothing to measure (NaN). */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null";
    }
    java.math.BigDecimal b = new java.math.BigDecimal(String.format(Locale.ROOT, "%.4f", v)).stripTrailingZeros();
    String text = b.scale() <= 0 ? b.setScale(1).toPlainString() : b.toPlainString();
    return text;
  }

  static String string(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
