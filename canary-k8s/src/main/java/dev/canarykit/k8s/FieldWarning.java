package dev.canarykit.k8s;

import java.util.Objects;

/**
 * A field that is kept out of the decision: unknown to Flagger's schema, or a Flagger field canarykit does not
 * use. Warnings never make a resource invalid.
 *
 * @param path the root-relative path, e.g. {@code spec.analysis.metrics[0].foo}
 * @param message why it is ignored
 */
public record FieldWarning(String path, String message) {
  /** Message of a field that is not in Flagger's schema. */
  public static final String UNKNOWN = "unknown field, ignored";

  /**
   * Creates a warning.
   *
   * @throws NullPointerException if an argument is {@code null}
   */
  public FieldWarning {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(message, "message == null");
  }
}
