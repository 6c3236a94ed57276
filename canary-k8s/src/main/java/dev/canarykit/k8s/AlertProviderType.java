package dev.canarykit.k8s;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The AlertProvider types Flagger supports (its CRD enum), with their wire names. */
public enum AlertProviderType {
  SLACK("slack"),
  MSTEAMS("msteams"),
  DISCORD("discord"),
  ROCKET("rocket"),
  GCHAT("gchat");

  private final String wireName;

  AlertProviderType(String wireName) {
    this.wireName = wireName;
  }

  /** The name written to {@code spec.type}. */
  public String wireName() {
    return wireName;
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
