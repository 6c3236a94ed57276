package dev.canarykit.core.internal.validation;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.AnalysisSpec.Strategy;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.Provider;
import java.util.List;

/**
 * Rules for {@code spec.analysis}: schedule, weights, strategy, and (through the other rule classes) session
 * affinity, metrics, webhooks and alerts.
 *
 * <p><b>Decision: a canary that can never advance is invalid.</b> With the canary strategy (analysis enabled,
 * no {@code iterations}, a provider other than {@code kubernetes}), a {@code stepWeight} that is unset or 0 and
 * no {@code stepWeights}, Flagger's next step is 0: the run sits at 0% until it times out or is replaced
 * (docs/flagger-compatibility.md §1.8, §9 item 44). canarykit reports {@code spec.analysis.stepWeight} instead. A first
 * {@code stepWeights} entry of 0 stalls the same way and is reported at {@code spec.analysis.stepWeights[0]}.
 *
 * <p>An {@code interval} under 10s is not a violation (it is clamped, see {@link AnalysisSpec#intervalOrDefault()});
 * an unparsable one is.
 */
final class AnalysisRules {
  private AnalysisRules() {}

  static void check(CanarySpec spec, Violations parent) {
    AnalysisSpec a = spec.analysis();
    if (a == null) {
      return;
    }
    Violations v = parent.at("analysis");
    checkInterval(a.unreadable().get("interval"), v);
    checkNumbers(a, v);
    checkStepWeights(a.stepWeights(), v.at("stepWeights"));
    checkProgress(spec, a, v);
    if (a.sessionAffinity() != null) {
      SessionAffinityRules.check(a.sessionAffinity(), v.at("sessionAffinity"));
    }
    forEach(a.metrics().size(), v.at("metrics"), (i, m) -> MetricRules.check(a.metrics().get(i), m));
    forEach(a.webhooks().size(), v.at("webhooks"), (i, w) -> WebhookRules.check(a.webhooks().get(i), w));
    forEach(a.alerts().size(), v.at("alerts"), (i, al) -> AlertRules.check(a.alerts().get(i), al));
  }

  /** {@code unreadable}: the interval's text when it is not a Go duration, else {@code null}. */
  private static void checkInterval(String unreadable, Violations v) {
    if (unreadable != null) {
      v.add("interval", unreadable, "must be a Go duration such as 1m, 30s or 1m30s (empty means 60s)");
    }
  }

  private static void checkNumbers(AnalysisSpec a, Violations v) {
    v.atLeast("threshold", a.threshold(), 0);
    v.range("maxWeight", a.maxWeight(), 0, 100);
    v.range("stepWeight", a.stepWeight(), 0, 100);
    v.range("stepWeightPromotion", a.stepWeightPromotion(), 0, 100);
    v.atLeast("iterations", a.iterations(), 0);
    v.range("mirrorWeight", a.mirrorWeight(), 0, 100);
    v.range("primaryReadyThreshold", a.primaryReadyThreshold(), 0, 100);
    v.range("canaryReadyThreshold", a.canaryReadyThreshold(), 0, 100);
  }

  private static void checkStepWeights(List<Integer> weights, Violations v) {
    boolean orderReported = false;
    for (int i = 0; i < weights.size(); i++) {
      Integer w = weights.get(i);
      if (w == null || w < 0) {
        v.at(i).addHere(w, "must be at least 0 (a step above 100 is walked as 100)");
      } else if (!orderReported && i > 0 && weights.get(i - 1) != null && w <= weights.get(i - 1)) {
        v.at(i).addHere(w, "must be greater than the previous step " + weights.get(i - 1)
            + " (stepWeights must be strictly ascending)");
        orderReported = true;
      }
    }
  }

  private static void checkProgress(CanarySpec spec, AnalysisSpec a, Violations v) {
    boolean canary = !spec.skipAnalysis() && a.strategy() == Strategy.CANARY
        && spec.providerType() != Provider.KUBERNETES;
    if (!canary) {
      return;
    }
    if (a.stepWeights().isEmpty() && (a.stepWeight() == null || a.stepWeight() == 0)) {
      v.add("stepWeight", a.stepWeight(), "must be > 0 for the canary strategy (or set stepWeights or"
          + " iterations): with no step the canary would never advance");
    } else if (!a.stepWeights().isEmpty() && Integer.valueOf(0).equals(a.stepWeights().get(0))
        && (a.stepWeight() == null || a.stepWeight() == 0)) {
      v.at("stepWeights").at(0).addHere(0, "must be > 0 for the canary strategy: a first step of 0 means the"
          + " canary would never advance");
    }
  }

  private static void forEach(int size, Violations list, ItemCheck check) {
    for (int i = 0; i < size; i++) {
      check.apply(i, list.at(i));
    }
  }

  @FunctionalInterface
  private interface ItemCheck {
    void apply(int index, Violations item);
  }
}
