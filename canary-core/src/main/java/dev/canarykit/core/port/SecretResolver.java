package dev.canarykit.core.port;

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
}
