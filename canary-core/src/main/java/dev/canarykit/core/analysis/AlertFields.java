package dev.canarykit.core.analysis;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The descriptive fields Flagger adds to "new revision" and "initialized" alerts. */
final class AlertFields {
  private AlertFields() {}

  static Map<String, String> of(Canary canary) {
    AnalysisSpec a = canary.spec().analysisOrEmpty();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Target", canary.spec().targetRef().kind() + "/" + canary.spec().targetRef().name() + "."
        + canary.namespace());
    fields.put("Failed checks threshold", Integer.toString(a.thresholdOrDefault()));
    fields.put("Progress deadline", canary.spec().progressDeadlineOrDefault() + "s");
    fields.put("Traffic routing", routing(a));
    return fields;
  }

  private static String routing(AnalysisSpec a) {
    int max = a.maxWeight() == null ? 0 : a.maxWeight();
    switch (a.strategy()) {
      case AB_TESTING:
        return "A/B Testing";
      case BLUE_GREEN:
        return "Blue/Green";
      default:
        if (a.stepWeight() != null && a.stepWeight() > 0) {
          return "Weight step: " + a.stepWeight() + " max: " + max;
        }
        String steps = a.stepWeights().stream().map(String::valueOf).collect(Collectors.joining(","));
        return "Weight steps: " + steps + " max: " + max;
    }
  }
}
