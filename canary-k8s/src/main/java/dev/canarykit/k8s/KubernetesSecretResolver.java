package dev.canarykit.k8s;

import dev.canarykit.core.port.SecretResolver;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import dev.canarykit.k8s.cache.ClusterReader;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SecretResolver} port on Kubernetes Secrets: {@code data} is base64-decoded (UTF-8), {@code stringData}
 * (which some API servers and fakes return as written) is taken as it is and wins over {@code data}.
 *
 * <pre>{@code
 * SecretResolver secrets = new KubernetesSecretResolver(client);      // the caller owns and closes client
 * SecretLookup auth = secrets.resolve(template.namespace(), template.provider().secretRef());
 * }</pre>
 *
 * <p>Which namespace to ask is the caller's rule; {@link SecretNamespaces} has Flagger's. Secret values never
 * appear in logs, in {@link SecretLookup.Failed} messages or in {@code toString()}: failures name the Secret and
 * the key, never a value.
 */
public final class KubernetesSecretResolver implements SecretResolver {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesSecretResolver.class);
  private final ClusterReader reader;

  /**
   * Creates a resolver that GETs each Secret through {@code client}, which it never closes.
   *
   * @throws NullPointerException if {@code client} is {@code null}
   */
  public KubernetesSecretResolver(KubernetesClient client) {
    this(ClusterReader.direct(Objects.requireNonNull(client, "client == null")));
  }

  /**
   * Creates a resolver that reads Secrets through {@code reader}, e.g. the controller's informer cache.
   *
   * @throws NullPointerException if {@code reader} is {@code null}
   */
  public KubernetesSecretResolver(ClusterReader reader) {
    this.reader = Objects.requireNonNull(reader, "reader == null");
  }

  @Override
  public SecretLookup resolve(String namespace, String name) {
    Secret secret;
    try {
      secret = reader.get(Secret.class, namespace, name).orElse(null);
    } catch (KubernetesClientException e) {
      String message = "secret " + namespace + "/" + name + " could not be read: "
          + (e.getCode() > 0 ? "HTTP " + e.getCode() : "no response from the API server");
      LOG.warn(message);
      return new SecretLookup.Failed(message);
    }
    return secret == null ? new SecretLookup.Missing() : decode(namespace, name, secret);
  }

  private static SecretLookup decode(String namespace, String name, Secret secret) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    for (Map.Entry<String, String> e : data.entrySet()) {
      try {
        values.put(e.getKey(), new String(Base64.getDecoder().decode(orEmpty(e.getValue())), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notBase64) {
        String message = "secret " + namespace + "/" + name + " key " + e.getKey() + " is not valid base64";
        LOG.warn(message);
        return new SecretLookup.Failed(message);
      }
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> values.put(k, orEmpty(v)));
    }
    return new SecretLookup.Found(values);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Names the class only; a resolver holds no secret. */
  @Override
  public String toString() {
    return "KubernetesSecretResolver";
  }
}
