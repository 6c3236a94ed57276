package dev.canarykit.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@code requireValid()}: lists every violation at once. */
public final class InvalidCanaryException extends IllegalArgumentException {
  private final transient List<Violation> violations;

  /** An exception for the canary {@code name} with its violations. */
  public InvalidCanaryException(String name, List<Violation> violations) {
    super("invalid Canary " + name + ": " + violations.size() + " violation(s):\n  "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
    this.violations = List.copyOf(violations);
  }

  /** Every violation, in the order found. */
  public List<Violation> violations() {
    return violations;
  }
}
