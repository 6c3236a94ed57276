package dev.canarykit.core.internal.validation;

import dev.canarykit.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations under a path prefix. Children made with {@link #at(String)} and {@link #at(int)} share the
 * parent's list, so every rule reports into one result.
 */
final class Violations {
  private final List<Violation> out;
  private final String prefix;

  private Violations(List<Violation> out, String prefix) {
    this.out = out;
    this.prefix = prefix;
  }

  /** An empty collector at the root. */
  static Violations root() {
    return new Violations(new ArrayList<>(), "");
  }

  /** A collector for the field (or map key) {@code name} under this one. */
  Violations at(String name) {
    return new Violations(out, path(name));
  }

  /** A collector for list item {@code index} under this one. */
  Violations at(int index) {
    return new Violations(out, prefix + "[" + index + "]");
  }

  /** The path of {@code name} under this collector; {@code null} names this collector itself. */
  String path(String name) {
    if (name == null) {
      return prefix;
    }
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  /** Reports {@code field} (relative to this collector) as bad. */
  void add(String field, Object value, String message) {
    out.add(new Violation(path(field), value, message));
  }

  /** Reports this collector's own path as bad (rules across fields). */
  void addHere(Object value, String message) {
    add(null, value, message);
  }

  /** Reports a missing value; returns {@code true} when {@code value} is {@code null} or a blank string. */
  boolean missing(String field, Object value) {
    boolean absent = value == null || value instanceof String s && s.isBlank();
    if (absent) {
      add(field, value, "is required");
    }
    return absent;
  }

  /** Reports {@code value} outside {@code [min, max]}; {@code null} means unset and passes. */
  void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      add(field, value, "must be between " + min + " and " + max);
    }
  }

  /** Reports {@code value} below {@code min}; {@code null} means unset and passes. */
  void atLeast(String field, Integer value, int min) {
    if (value != null && value < min) {
      add(field, value, "must be >= " + min);
    }
  }

  /** Every violation reported so far, in order. */
  List<Violation> list() {
    return List.copyOf(out);
  }
}
