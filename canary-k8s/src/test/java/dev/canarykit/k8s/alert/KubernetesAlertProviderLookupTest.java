package dev.canarykit.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.k8s.resource.AlertProviderResource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesAlertProviderLookupTest {
  KubernetesClient client;

  @Test
  void readsAlertProvidersFromTheCluster() {
    AlertProviderResource r = client.getKubernetesSerialization().unmarshal("""
        apiVersion: flagger.app/v1beta1
        kind: AlertProvider
        metadata: {name: on-call, namespace: ops}
        spec: {type: slack, channel: on-call, address: "https://hooks.slack.com/services/T/B/X"}
        """, AlertProviderResource.class);
    client.resource(r).create();
    AlertProviderLookup lookup = AlertProviderLookup.kubernetes(client);
    assertThat(lookup.find("ops", "on-call")).hasValueSatisfying(p -> assertThat(p.qualifiedName())
        .isEqualTo("on-call.ops"));
    assertThat(lookup.find("ops", "missing")).isEmpty();
  }

  @Test
  void aFailedReadIsAnErrorNotAMissingProvider() {
    try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("http://127.0.0.1:1").withRequestRetryBackoffLimit(0).build()).build()) {
      AlertProviderLookup lookup = AlertProviderLookup.kubernetes(unreachable);
      assertThatThrownBy(() -> lookup.find("ops", "on-call")).isInstanceOf(KubernetesClientException.class);
    }
  }
}
