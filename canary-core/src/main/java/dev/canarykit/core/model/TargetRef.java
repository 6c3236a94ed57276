package dev.canarykit.core.model;

/**
 * The workload a Canary drives ({@code spec.targetRef}), for example {@code apps/v1 Deployment podinfo}.
 *
 * @param apiVersion the target's API version, e.g. {@code apps/v1}
 * @param kind the target's kind, e.g. {@code Deployment}
 * @param name the target's name in the Canary's namespace
 */
public record TargetRef(String apiVersion, String kind, String name) {
  /** A Deployment target in {@code apps/v1}. */
  public static TargetRef deployment(String name) {
    return new TargetRef("apps/v1", "Deployment", name);
  }

  /** The kind as canarykit tells kinds apart. */
  public Kind kindType() {
    return Kind.of(kind);
  }

  /** Target kinds Flagger knows; the text stays in {@link #kind()}, which Flagger's event texts name. */
  public enum Kind {
    DEPLOYMENT("Deployment"),
    DAEMON_SET("DaemonSet"),
    /** A Service target: Flagger's metric texts name the provider as {@code <provider>:service}. */
    SERVICE("Service"),
    /** Any other kind (a validation error where a kind is required). */
    OTHER("");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    /** The kind named by {@code text} ({@code Deployment}, ...), or {@link #OTHER}. */
    public static Kind of(String text) {
      for (Kind k : values()) {
        if (k != OTHER && k.text.equals(text)) {
          return k;
        }
      }
      return OTHER;
    }
  }
}
