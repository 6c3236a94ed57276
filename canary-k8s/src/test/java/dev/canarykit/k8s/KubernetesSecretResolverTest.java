package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.port.SecretResolver;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import dev.canarykit.core.port.SecretResolverContract;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesSecretResolverTest extends SecretResolverContract {
  KubernetesClient client;
  KubernetesMockServer server;

  @Override
  protected SecretResolver createResolver(String namespace, String name, Map<String, String> data) {
    put(namespace, name, data);
    return new KubernetesSecretResolver(client);
  }

  private void put(String namespace, String name, Map<String, String> data) {
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    Secret s = new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withData(encoded).build();
    client.resource(s).createOr(NonDeletingOperation::update);
  }

  @Test
  void decodesUtf8AndEmptyValues() {
    SecretResolver r = createResolver("ns", "s", Map.of("token", "gr\u00fc\u00dfe \u2713", "empty", ""));
    assertThat(r.resolve("ns", "s").data()).contains(Map.of("token", "gr\u00fc\u00dfe \u2713", "empty", ""));
  }

  @Test
  void stringDataIsTakenAsWritten() {
    client.resource(new SecretBuilder().withNewMetadata().withNamespace("ns").withName("plain").endMetadata()
        .withStringData(Map.of("address", "https://hooks.example/x")).build()).create();
    assertThat(new KubernetesSecretResolver(client).resolve("ns", "plain").data())
        .contains(Map.of("address", "https://hooks.example/x"));
  }

  @Test
  void invalidBase64FailsNamingTheKeyNeverTheValue() {
    client.resource(new SecretBuilder().withNewMetadata().withNamespace("ns").withName("bad").endMetadata()
        .withData(Map.of("password", "not*base64!s3cr3t")).build()).create();
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    SecretLookup r;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      r = new KubernetesSecretResolver(client).resolve("ns", "bad");
    } finally {
      System.setErr(err);
    }
    assertThat(r).isInstanceOf(SecretLookup.Failed.class);
    assertThat(((SecretLookup.Failed) r).message()).isEqualTo("secret ns/bad key password is not valid base64");
    assertThat(r.toString()).doesNotContain("s3cr3t");
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("ns/bad").doesNotContain("s3cr3t");
  }

  @Test
  void anApiErrorIsAFailureWithTheStatusCode() {
    server.expect().get().withPath("/api/v1/namespaces/locked/secrets/creds").andReturn(403, "{}").always();
    SecretLookup r = new KubernetesSecretResolver(client).resolve("locked", "creds");
    assertThat(r).isEqualTo(new SecretLookup.Failed("secret locked/creds could not be read: HTTP 403"));
  }

  @Test
  void foundShowsKeysNotValues() {
    SecretResolver r = createResolver("ns", "s", Map.of("token", "t0k3n-value"));
    assertThat(r.resolve("ns", "s").toString()).contains("token").doesNotContain("t0k3n-value");
    assertThat(r).hasToString("KubernetesSecretResolver");
  }
}
