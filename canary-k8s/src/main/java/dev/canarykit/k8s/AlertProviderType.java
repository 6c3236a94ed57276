package dev.canarykit.k8s;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The AlertProvider types, with their wire names: Flagger's five (its CRD enum) and canarykit's own
 * {@link #GENERIC} webhook.
 */
public enum AlertProviderType {
  SLACK("slack"),
  MSTEAMS("msteams"),
  DISCORD("discord"),
  ROCKET("rocket"),
  GCHAT("gchat"),
  /**
   * canarykit only (Flagger has no such type, and Flagger's own CRD rejects it): a plain JSON POST of the alert
   * ({@code name, namespace, severity, message, fields}) for any receiver. See docs/decisions.md.
   */
  GENERIC("generic");

  private final String wireName;

  AlertProviderType(String wireName) {
    this.wireName = wireName;
  }

  /** The name written to {@code spec.type}. */
  public String wireName() {
    return wireName;
  }

  /** Whether Flagger knows this type (all but {@link #GENERIC}). */
  public boolean isFlaggerType() {
    return this != GENERIC;
  }

  /** Parses {@code spec.type}; empty for {@code null} or an unknown type. */
  public static Optional<AlertProviderType> fromWire(String s) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(s)).findFirst();
  }

  /** Every wire name, in declaration order. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(AlertProviderType::wireName).toList();
  }
}
