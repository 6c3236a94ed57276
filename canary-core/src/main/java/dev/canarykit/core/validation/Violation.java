package dev.canarykit.core.validation;

import java.util.Objects;

/**
 * One thing wrong with a Canary.
 *
 * @param path the root-relative path of the most specific bad field, e.g.
 *     {@code spec.analysis.metrics[1].thresholdRange.min}; map keys as {@code .key}; a rule across fields names
 *     their parent
 * @param value the bad value as written, or {@code null} when the field is missing
 * @param message what is allowed
 */
public record Violation(String path, Object value, String message) {
  /**
   * Creates a violation.
   *
   * @throws NullPointerException if {@code path} or {@code message} is {@code null}
   */
  public Violation {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return path + ": " + message + (value == null ? "" : " (was " + value + ")");
  }
}
