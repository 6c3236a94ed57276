package dev.canarykit.k8s;

import dev.canarykit.core.judge.Action;
import dev.canarykit.core.judge.Comparison;
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
 *     canarykit.dev/judge-compare: sources            # sources (like with like, the default) | all
 *     canarykit.dev/judge-synthetic-sources: flagger-loadtester   # clients left out (default: the webhooks' hosts)
 *     canarykit.dev/judge-warmup: 1m                  # a scaled-up canary's latency is not judged this long
 *     canarykit.dev/judge-failure-cluster-mean: "10"  # error tests stay valid for failure clusters this large
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
  /** Which traffic the judge compares: {@code sources} (like with like, the default) or {@code all}. */
  public static final String JUDGE_COMPARE = "canarykit.dev/judge-compare";
  /** Comma-separated client workloads ({@code name} or {@code namespace/name}) whose requests are synthetic. */
  public static final String JUDGE_SYNTHETIC_SOURCES = "canarykit.dev/judge-synthetic-sources";
  /** How long after its scale-up a canary's latency is not judged (a Go duration; {@code 0s} turns it off). */
  public static final String JUDGE_WARMUP = "canarykit.dev/judge-warmup";
  /** The largest mean failure cluster size the error tests stay valid for (1 = independent failures). */
  public static final String JUDGE_FAILURE_CLUSTER_MEAN = "canarykit.dev/judge-failure-cluster-mean";
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
    double clusters = number(a, JUDGE_FAILURE_CLUSTER_MEAN, d.failureClusterMean(), 1, 1000, violations);
    Action onHorizon = onHorizon(a.get(JUDGE_ON_HORIZON), d.onHorizon(), violations);
    JudgeConfig.Builder b = d.toBuilder().alpha(alpha).rollbackRatio(rollback).promotionRatio(promotion)
        .horizonIntervals(horizon).onHorizon(onHorizon).failureClusterMean(clusters)
        .comparison(comparison(a.get(JUDGE_COMPARE), d.comparison(), violations))
        .syntheticSources(sources(a.get(JUDGE_SYNTHETIC_SOURCES), d.syntheticSources(), violations));
    String warmup = a.get(JUDGE_WARMUP);
    if (warmup != null) {
      Duration w = GoDuration.parse(warmup).orElse(null);
      if (w == null || w.isNegative()) {
        violations.add(new Violation(PATH + JUDGE_WARMUP, warmup, "must be a Go duration such as 1m (0s for none)"));
      } else {
        b.warmup(w, spec.analysisOrEmpty().intervalOrDefault());
      }
    }
    return violations.size() > before ? null : b.build();
  }

  /** {@code sources} keeps the strategy's comparison; {@code all} pools every request. */
  private static Comparison comparison(String text, Comparison fallback, List<Violation> violations) {
    if (text == null || text.equals("sources")) {
      return fallback;
    }
    if (text.equals("all")) {
      return Comparison.POOLED;
    }
    violations.add(new Violation(PATH + JUDGE_COMPARE, text, "must be sources or all"));
    return fallback;
  }

  /** Comma-separated Kubernetes names, each optionally {@code namespace/name}; empty means none. */
  private static List<String> sources(String text, List<String> fallback, List<Violation> violations) {
    if (text == null) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String name = part.trim();
      if (name.isEmpty() && text.isBlank()) {
        continue;
      }
      if (!name.matches("([a-z0-9]([-a-z0-9]*[a-z0-9])?/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
        violations.add(new Violation(PATH + JUDGE_SYNTHETIC_SOURCES, text,
            "must be comma-separated workload names or namespace/name, but " + (name.isEmpty() ? "an entry is empty"
                : "\"" + name + "\" is not one")));
        return fallback;
      }
      out.add(name);
    }
    return out;
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
