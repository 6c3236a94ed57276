package dev.canarykit.prometheus;

import dev.canarykit.core.port.SecretResolver;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import java.util.Map;

/** Reads a provider's {@code secretRef}: key {@code token}, else {@code username} and {@code password}. */
final class ProviderCredentials {
  private final SecretResolver secrets;

  ProviderCredentials(SecretResolver secrets) {
    this.secrets = secrets;
  }

  /** The credentials, or a secret error (no value ever appears in it). */
  sealed interface Result {}

  /** Usable credentials. */
  record Found(Credentials credentials) implements Result {}

  /** The secret could not be read. */
  record SecretError(String message) implements Result {}

  /** The secret holds neither a token nor a username and password. */
  record Unusable(String message) implements Result {}

  Result read(String namespace, String secretName) {
    if (secrets == null) {
      return new SecretError("no secret resolver is configured");
    }
    SecretLookup lookup;
    try {
      lookup = secrets.resolve(namespace, secretName);
    } catch (RuntimeException e) {
      return new SecretError("secret resolver failed: " + e.getClass().getSimpleName());
    }
    if (lookup instanceof SecretLookup.Found f) {
      return credentials(secretName, f.values());
    }
    if (lookup instanceof SecretLookup.Failed f) {
      return new SecretError(f.message());
    }
    return new SecretError("secrets \"" + secretName + "\" not found");
  }

  private static Result credentials(String secretName, Map<String, String> data) {
    if (data.get("token") != null) {
      return new Found(new Credentials.Bearer(data.get("token")));
    }
    if (data.get("username") != null && data.get("password") != null) {
      return new Found(new Credentials.Basic(data.get("username"), data.get("password")));
    }
    return new Unusable("secret " + secretName + " has neither a token nor a username and password");
  }
}
