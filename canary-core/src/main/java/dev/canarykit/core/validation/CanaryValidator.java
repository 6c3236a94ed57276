package dev.canarykit.core.validation;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
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
 * Flagger's Canary semantics (flagger-behaviour.md §1-5) and reject settings Flagger accepts but can never run
 * usefully, such as a canary strategy with no step weight (see {@link AnalysisRules}).
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
    ServiceRules.check(spec.service(), v);
    SpecRules.check(spec, v);
    AnalysisRules.check(spec, v);
  }
}
