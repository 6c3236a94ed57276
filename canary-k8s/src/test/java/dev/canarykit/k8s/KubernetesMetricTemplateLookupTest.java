package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.k8s.cache.InformerCache;
import dev.canarykit.k8s.resource.MetricTemplateResource;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesMetricTemplateLookupTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void findsTemplatesOfAnyNamespaceFromTheInformerCacheWithoutARequest() {
    Canaries.installCrds(client);
    create("shop", "error-rate", "http://prometheus.shop:9090");
    create("flagger-system", "latency", "");
    try (InformerCache cache = InformerCache.create(client, null, List.of(MetricTemplateResource.class)).start()) {
      var lookup = KubernetesMetricTemplateLookup.of(cache);
      await().atMost(Duration.ofSeconds(10)).until(() -> cache.list(MetricTemplateResource.class).size() == 2);
      int before = server.getRequestCount();
      MetricTemplate t = lookup.find("shop", "error-rate").orElseThrow();
      assertThat(t.namespace()).isEqualTo("shop");
      assertThat(t.provider().address()).isEqualTo("http://prometheus.shop:9090");
      assertThat(t.query()).isEqualTo("sum(rate(x{namespace=\"{{ namespace }}\"}[{{ interval }}]))");
      assertThat(lookup.find("flagger-system", "latency")).isPresent();
      assertThat(server.getRequestCount()).isEqualTo(before);
    }
  }

  @Test
  void aMissingTemplateIsEmptyAndOneJustCreatedIsFoundBeforeTheInformerSeesIt() {
    Canaries.installCrds(client);
    try (InformerCache cache = InformerCache.create(client, "shop", List.of(MetricTemplateResource.class)).start()) {
      var lookup = KubernetesMetricTemplateLookup.of(cache);
      assertThat(lookup.find("shop", "typo")).isEqualTo(Optional.empty());
      create("other", "error-rate", "");
      assertThat(lookup.find("other", "error-rate")).isPresent();
    }
  }

  private void create(String namespace, String name, String address) {
    MetricTemplateResource r = client.getKubernetesSerialization().unmarshal("""
        apiVersion: flagger.app/v1beta1
        kind: MetricTemplate
        metadata: {name: %s, namespace: %s}
        spec:
          provider: {type: prometheus, address: '%s'}
          query: sum(rate(x{namespace="{{ namespace }}"}[{{ interval }}]))
        """.formatted(name, namespace, address), MetricTemplateResource.class);
    client.resource(r).create();
  }
}
