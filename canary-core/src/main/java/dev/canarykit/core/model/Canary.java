package dev.canarykit.core.model;

import dev.canarykit.core.internal.validation.CanaryValidator;
import dev.canarykit.core.validation.InvalidCanaryException;
import dev.canarykit.core.validation.Violation;
import java.util.List;

/**
 * A Canary resource: its identity and spec. Status is kept apart ({@link CanaryStatus}).
 *
 * @param name {@code metadata.name}, a Kubernetes name
 * @param namespace {@code metadata.namespace}; {@code null} or empty means {@code default}
 * @param spec the spec
 */
public record Canary(String name, String namespace, CanarySpec spec) {

  public Canary {
    namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
  }

  /** Every violation of this Canary, metadata and spec, with root-relative paths; empty when valid. */
  public List<Violation> validate() {
    return CanaryValidator.validate(this);
  }

  /**
   * Returns this Canary if it is valid.
   *
   * @throws InvalidCanaryException listing every violation otherwise
   */
  public Canary requireValid() {
    List<Violation> violations = validate();
    if (!violations.isEmpty()) {
      throw new InvalidCanaryException(name + "." + namespace, violations);
    }
    return this;
  }

  /** {@code <name>.<namespace>}, as Flagger's event texts name a canary. */
  public String qualifiedName() {
    return name + "." + namespace;
  }
}
