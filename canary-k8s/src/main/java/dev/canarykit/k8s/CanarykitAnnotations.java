package dev.canarykit.k8s;

import dev.canarykit.core.judge.Action;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.internal.GoDuration;
import dev.canarykit.core.validation.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * canarykit's options on a Flagger Canary, as annotations: Flagger's CRD schema prunes unknown spec fields, but
 * keeps every annotation and ignores these, so one Canary stays valid for both (docs/decisions.md).
 *
 * <pre>
 * metadata:
 *   annotations:
 *     canarykit.dev/judge: enabled                    # the statistical judge, at its defaults
 *     canarykit.dev/judge-alpha: "0.05"               # false-rollback bound over the rollout
 *     canarykit.dev/judge-horizon-intervals: "30"     # analysed intervals before the horizon action
 *     canarykit.dev/judge-on-horizon: promote         # promote | rollback | hold
 *     canarykit.dev/judge-rollback-ratio: "1.2"       # canary/primary rate ratio treated as "no worse"
 *     canarykit.dev/judge-promotion-ratio: "1.5"      # ratio below which the canary is non-inferior
 *     canarykit.dev/gate-timeout: 30m                 # confirm gates roll back after waiting this long
 * </pre>
 */
public final class CanarykitAnnotations {
  /** Turns the judge on ({@code enabled}) or off ({@code disabled}, the default). */
  public static final String JUDGE = "canarykit.dev/judge";
  /** The judge's alpha. */
  public static final String JUDGE_ALPHA = "canarykit.dev/judge-alpha";
  /** The judge's horizon in analysed intervals. */
  public static final String JUDGE_HORIZON = "canarykit.dev/judge-horizon-intervals";
  /** What an undecided rollout does at the horizon. */
  public static final String JUDGE_ON_HORIZON = "canarykit.dev/judge-on-horizon";
  /** The judge's rollback ratio. */
  public static final String JUDGE_ROLLBACK_RATIO = "canarykit.dev/judge-rollback-ratio";
  /** The judge's promotion ratio. */
  public static final String JUDGE_PROMOTION_RATIO = "canarykit.dev/judge-promotion-ratio";
  /** The confirm-gate timeout (a Go duration). */
  public static final String GATE_TIMEOUT = "canarykit.dev/gate-timeout";

  private static final String PATH = "metadata.annotations.";

  private CanarykitAnnotations() {}

  /**
   * The options read from {@code annotations}.
   *
   * @param spec {@code spec} with the judge and the gate timeout the annotations ask for
   * @param violations what is wrong with the annotations, with paths {@code metadata.annotations.<key>}
   */
  public record Options(CanarySpec spec, List<Violation> violations) {}

  /** Applies the canarykit annotations to {@code spec} ({@code null} annotations: none). */
  public static Options apply(CanarySpec spec, Map<String, String> annotations) {
    List<Violation> violations = new ArrayList<>();
    if (spec == null || annotations == null || annotations.isEmpty()) {
      return new Options(spec, violations);
    }
    CanarySpec.Builder b = spec.toBuilder();
    String timeout = annotations.get(GATE_TIMEOUT);
    if (timeout != null) {
      Duration d = GoDuration.parse(timeout).orElse(null);
      if (d == null || d.isNegative() || d.isZero()) {
        violations.add(new Violation(PATH + GATE_TIMEOUT, timeout, "must be a positive Go duration such as 30m"));
      } else {
        b.gateTimeout(d);
      }
    }
    b.judge(judge(spec, annotations, violations));
    return new Options(b.build(), violations);
  }

  private static JudgeConfig judge(CanarySpec spec, Map<String, String> a, List<Violation> violations) {
    String mode = a.getOrDefault(JUDGE, "disabled");
    if (!mode.equals("enabled") && !mode.equals("disabled")) {
      violations.add(new Violation(PATH + JUDGE, mode, "must be enabled or disabled"));
      return null;
    }
    if (mode.equals("disabled")) {
      return null;
    }
    JudgeConfig d = JudgeConfig.forCanary(spec);
    int before = violations.size();
    double alpha = number(a, JUDGE_ALPHA, d.alpha(), 0, 1, violations);
    double rollback = number(a, JUDGE_ROLLBACK_RATIO, d.rollbackRatio(), 1, 100, violations);
    double promotion = number(a, JUDGE_PROMOTION_RATIO, d.promotionRatio(), rollback, 100, violations);
    int horizon = (int) number(a, JUDGE_HORIZON, d.horizonIntervals(), 1, 100_000, violations);
    Action onHorizon = onHorizon(a.get(JUDGE_ON_HORIZON), d.onHorizon(), violations);
    if (violations.size() > before) {
      return null;
    }
    return new JudgeConfig(alpha, d.alphaPromotion(), rollback, promotion, d.gridPoints(), d.latencyEdgesMs(),
        d.errorBudget(), d.latencyThresholdMs(), d.latencyTailBudget(), d.minRollbackEvents(), horizon, onHorizon,
        d.actions(), d.policyVersion());
  }

  private static double number(Map<String, String> a, String key, double fallback, double min, double max,
      List<Violation> violations) {
    String text = a.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(text.trim());
      boolean ok = key.equals(JUDGE_ALPHA) ? v > min && v < max : v >= min && v <= max;
      if (ok && (!key.equals(JUDGE_HORIZON) || v == Math.rint(v))) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    violations.add(new Violation(PATH + key, text, range(key, min, max)));
    return fallback;
  }

  private static String range(String key, double min, double max) {
    if (key.equals(JUDGE_ALPHA)) {
      return "must be a number between 0 and 1 (exclusive)";
    }
    if (key.equals(JUDGE_HORIZON)) {
      return "must be a whole number of intervals, at least 1";
    }
    return String.format(Locale.ROOT, "must be a number from %s to %s", trim(min), trim(max));
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static Action onHorizon(String text, Action fallback, List<Violation> violations) {
    if (text == null) {
      return fallback;
    }
    switch (text) {
      case "promote": return Action.PROMOTE;
      case "rollback": return Action.ROLLBACK;
      case "hold": return Action.HOLD;
      default:
        violations.add(new Violation(PATH + JUDGE_ON_HORIZON, text, "must be promote, rollback or hold"));
        return fallback;
    }
  }
}
