package dev.canarykit.core.validation;

import dev.canarykit.core.model.Canary;
import java.util.ArrayList;
import java.util.List;

/** Validates a whole Canary and reports every violation. (Rules are filled in by the validation work.) */
public final class CanaryValidator {
  private CanaryValidator() {}

  /** Every violation of {@code canary}, in document order. */
  public static List<Violation> validate(Canary canary) {
    List<Violation> out = new ArrayList<>();
    if (canary.spec() == null) {
      out.add(new Violation("spec", null, "is required"));
    }
    return out;
  }
}
