package dev.canarykit.core.model;

import java.util.Optional;

/** Alert severities. A route of severity S receives alerts of severity S and above. */
public enum Severity {
  INFO("info"),
  WARN("warn"),
  ERROR("error");

  private final String wireName;

  Severity(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in YAML. */
  public String wireName() {
    return wireName;
  }

  /** Whether a route of this severity receives an alert of {@code alert} severity. */
  public boolean accepts(Severity alert) {
    return alert.ordinal() >= ordinal();
  }

  /** Parses a YAML severity. */
  public static Optional<Severity> fromWire(String s) {
    for (Severity v : values()) {
      if (v.wireName.equals(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
