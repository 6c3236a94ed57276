package dev.canarykit.core.internal.validation;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.validation.InvalidCanaryException;
import dev.canarykit.core.validation.Violation;
import java.util.List;

/**
 * Validates a whole Canary and reports every violation at once.
 *
 * <pre>{@code
 * List<Violation> problems = CanaryValidator.validate(canary);
 * problems.forEach(p -> System.out.println(p.path() + ": " + p.message()));
 * canary.requireValid(); // throws InvalidCanaryException listing the same violations
 * }</pre>
 *
 * <p>Each {@link Violation} names the root-relative path of the most specific bad field
 * ({@code spec.analysis.metrics[1].thresholdRange.min}; list items as {@code [i]}, map keys as {@code .key});
 * a rule across several fields names their parent ({@code spec.analysis.sessionAffinity}). The rules follow
 * Flagger's Canary semantics (docs/flagger-compatibility.md §1-5) and also reject settings Flagger accepts but can
 * never run usefully.
 *
 * <p><b>Decision: a canary that can never advance is invalid.</b> For the canary strategy (analysis present,
 * {@code skipAnalysis} false, no {@code iterations}, provider other than {@code kubernetes}), an unset or 0
 * {@code stepWeight} without {@code stepWeights} is reported at {@code spec.analysis.stepWeight} ("must be > 0 ...
 * the canary would never advance"): Flagger accepts it and silently stays at 0% (docs/flagger-compatibility.md §1.8 and
 * §9 item 44). A first {@code stepWeights} entry of 0 is reported the same way at
 * {@code spec.analysis.stepWeights[0]}. An {@code analysis.interval} under 10s is not a violation: it is clamped.
 */
public final class CanaryValidator {
  private CanaryValidator() {}

  /**
   * Every violation of {@code canary}, in document order: metadata first, then spec.
   *
   * @param canary the Canary to check, not {@code null}
   * @return the violations; empty when the Canary is valid
   */
  public static List<Violation> validate(Canary canary) {
    Violations root = Violations.root();
    MetadataRules.check(canary, root);
    CanarySpec spec = canary.spec();
    if (!root.missing("spec", spec)) {
      checkSpec(spec, root.at("spec"));
    }
    return root.list();
  }

  private static void checkSpec(CanarySpec spec, Violations v) {
    TargetRules.check(spec, v);
    if (spec.service() != null || spec.providerIsDriven()) {
      ServiceRules.check(spec.service(), v);
    }
    SpecRules.check(spec, v);
    AnalysisRules.check(spec, v);
    IstioBlockRules.check(spec, v);
  }
}
