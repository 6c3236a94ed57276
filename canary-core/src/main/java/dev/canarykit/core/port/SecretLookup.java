package dev.canarykit.core.port;

import java.util.Map;
import java.util.Optional;

/** The result of {@link SecretResolver#resolve}. No case ever shows a secret value in {@code toString()}. */
public sealed interface SecretLookup {

  /** The secret's data when it was found. */
  default Optional<Map<String, String>> data() {
    return Optional.empty();
  }

  /**
   * The secret exists.
   *
   * @param values its data, key to decoded value
   */
  record Found(Map<String, String> values) implements SecretLookup {
    public Found {
      values = Map.copyOf(values);
    }

    @Override
    public Optional<Map<String, String>> data() {
      return Optional.of(values);
    }

    /** Names the keys only. */
    @Override
    public String toString() {
      return "Found[keys=" + new java.util.TreeSet<>(values.keySet()) + "]";
    }
  }

  /** No such secret. */
  record Missing() implements SecretLookup {}

  /**
   * The secret could not be read.
   *
   * @param message what went wrong
   */
  record Failed(String message) implements SecretLookup {}
}
