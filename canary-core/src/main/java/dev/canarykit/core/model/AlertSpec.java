package dev.canarykit.core.model;

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
}
