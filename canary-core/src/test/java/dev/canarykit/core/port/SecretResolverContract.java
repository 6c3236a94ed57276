package dev.canarykit.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.port.SecretResolver.SecretLookup;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link SecretResolver} must do. Extend it and implement {@link #createResolver}. */
public abstract class SecretResolverContract {
  /** The secret's namespace. */
  protected static final String NAMESPACE = "test";
  /** The secret's name. */
  protected static final String NAME = "prom-auth";
  /** The secret's data. */
  protected static final Map<String, String> DATA = Map.of("username", "admin", "password", "s3cr3t-value");

  /** A resolver in which {@link #NAMESPACE}/{@link #NAME} holds {@link #DATA} and nothing else exists. */
  protected abstract SecretResolver createResolver(String namespace, String name, Map<String, String> data);

  private SecretResolver resolver() {
    return createResolver(NAMESPACE, NAME, DATA);
  }

  @Test
  void resolvesAnExistingSecret() {
    SecretLookup r = resolver().resolve(NAMESPACE, NAME);
    assertThat(r).isInstanceOf(SecretLookup.Found.class);
    assertThat(r.data()).contains(DATA);
  }

  @Test
  void aMissingSecretIsMissing() {
    assertThat(resolver().resolve(NAMESPACE, "nope")).isInstanceOf(SecretLookup.Missing.class);
    assertThat(resolver().resolve("elsewhere", NAME)).isInstanceOf(SecretLookup.Missing.class);
    assertThat(resolver().resolve(NAMESPACE, "nope").data()).isEmpty();
  }

  @Test
  void neverShowsValuesInToString() {
    SecretResolver resolver = resolver();
    SecretLookup r = resolver.resolve(NAMESPACE, NAME);
    assertThat(r.toString()).contains("username").doesNotContain("admin").doesNotContain("s3cr3t-value");
    assertThat(resolver.toString()).doesNotContain("admin").doesNotContain("s3cr3t-value");
  }
}
