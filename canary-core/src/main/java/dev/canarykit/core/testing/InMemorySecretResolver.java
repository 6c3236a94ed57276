package dev.canarykit.core.testing;

import dev.canarykit.core.port.SecretResolver;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import java.util.HashMap;
import java.util.Map;

/** Secrets held in memory, keyed by namespace and name. */
public final class InMemorySecretResolver implements SecretResolver {
  private final Map<String, Map<String, String>> secrets = new HashMap<>();

  /** Stores (or replaces) a secret. */
  public synchronized InMemorySecretResolver put(String namespace, String name, Map<String, String> data) {
    secrets.put(key(namespace, name), Map.copyOf(data));
    return this;
  }

  /** Removes a secret. */
  public synchronized void remove(String namespace, String name) {
    secrets.remove(key(namespace, name));
  }

  @Override
  public synchronized SecretLookup resolve(String namespace, String name) {
    Map<String, String> data = secrets.get(key(namespace, name));
    return data == null ? new SecretLookup.Missing() : new SecretLookup.Found(data);
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** Names the secrets, never their values. */
  @Override
  public synchronized String toString() {
    return "InMemorySecretResolver" + new java.util.TreeSet<>(secrets.keySet());
  }
}
