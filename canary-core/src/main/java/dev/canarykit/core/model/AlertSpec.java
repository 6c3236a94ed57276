package dev.canarykit.core.model;

import java.util.Optional;

/**
 * An alert route of the analysis ({@code analysis.alerts[]}).
 *
 * @param name the alert's name
 * @param severity {@code info}, {@code warn} or {@code error}; empty means {@code info} (docs/decisions.md)
 * @param providerRef the AlertProvider
 */
public record AlertSpec(String name, String severity, ProviderRef providerRef) {

  /** Severity used when none is given: the CRD's documented default (Flagger itself matches nothing). */
  public static final Severity DEFAULT_SEVERITY = Severity.INFO;

  /** The parsed severity; {@code null} when unknown (a validation error). */
  public Severity severityOrDefault() {
    if (severity == null || severity.isEmpty()) {
      return DEFAULT_SEVERITY;
    }
    return Severity.fromWire(severity).orElse(null);
  }

  /**
   * A reference to an AlertProvider.
   *
   * @param name its name
   * @param namespace its namespace, or {@code null} for the Canary's
   */
  public record ProviderRef(String name, String namespace) {}

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
}
