package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.port.SecretResolver;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import dev.canarykit.core.port.SecretResolverContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemorySecretResolverTest extends SecretResolverContract {

  @Override
  protected SecretResolver createResolver(String namespace, String name, Map<String, String> data) {
    return new InMemorySecretResolver().put(namespace, name, data);
  }

  @Test
  void removedSecretsAreMissing() {
    var r = new InMemorySecretResolver().put("ns", "s", Map.of("token", "t"));
    r.remove("ns", "s");
    assertThat(r.resolve("ns", "s")).isInstanceOf(SecretLookup.Missing.class);
  }
}
