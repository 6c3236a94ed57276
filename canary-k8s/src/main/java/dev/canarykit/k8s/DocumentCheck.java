package dev.canarykit.k8s;

import dev.canarykit.core.validation.Violation;
import java.util.List;

/**
 * The verdict on one YAML/JSON document: what it is and, for Flagger kinds, what is wrong with it.
 *
 * @param apiVersion the document's {@code apiVersion}, or {@code null}
 * @param kind the document's {@code kind}, or {@code null}
 * @param namespace {@code metadata.namespace}, {@code default} when missing
 * @param name {@code metadata.name}, or an empty string when missing
 * @param checked whether the document is a Flagger kind canarykit checks (else it was skipped)
 * @param violations every violation, with root-relative paths; empty when valid or skipped
 * @param warnings fields kept out of the decision; never make the document invalid
 */
public record DocumentCheck(String apiVersion, String kind, String namespace, String name, boolean checked,
    List<Violation> violations, List<FieldWarning> warnings) {

  public DocumentCheck {
    violations = List.copyOf(violations);
    warnings = List.copyOf(warnings);
  }

  /** Whether the document was checked and has no violation. */
  public boolean valid() {
    return checked && violations.isEmpty();
  }
}
