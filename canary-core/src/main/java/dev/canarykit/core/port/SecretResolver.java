package dev.canarykit.core.port;

import java.util.Map;
import java.util.Optional;

/**
 * Reads secrets that adapters need (metric provider credentials, alert provider addresses). Not used by the
 * driver itself.
 */
public interface SecretResolver {

  /**
   * Looks a secret up.
   *
   * @param namespace the secret's namespace
   * @param name the secret's name
   * @return its data, {@link SecretLookup.Missing}, or {@link SecretLookup.Failed} when it could not be read
   */
  SecretLookup resolve(String namespace, String name);

  /** The result of {@link SecretResolver#resolve}. No case ever shows a secret value in {@code toString()}. */
  sealed interface SecretLookup {

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
}
