package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class SeedCanaryTest {
  static final String SEED = Yaml.resource("/flagger/podinfo-canary.yaml");
  KubernetesClient client;

  @Test
  void theSeedIsValidWithoutWarnings() {
    DocumentCheck c = Yaml.check(SEED);
    assertThat(c.checked()).isTrue();
    assertThat(c.kind()).isEqualTo("Canary");
    assertThat(c.namespace() + "/" + c.name()).isEqualTo("test/podinfo");
    assertThat(c.violations()).isEmpty();
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void theSeedMapsFieldForField() {
    Canary canary = CanaryMapping.toCore(client.getKubernetesSerialization()
        .unmarshal(SEED, CanaryResource.class));
    assertSeed(canary);
  }

  @Test
  void theSeedRoundTripsThroughTheApiServer() {
    CanaryResource loaded = client.resources(CanaryResource.class)
        .load(new ByteArrayInputStream(SEED.getBytes(StandardCharsets.UTF_8))).item();
    client.resource(loaded).create();
    CanaryResource read = client.resources(CanaryResource.class).inNamespace("test").withName("podinfo").get();
    assertSeed(CanaryMapping.toCore(read));
    assertThat(CanaryMapping.toCore(read)).isEqualTo(CanaryMapping.toCore(loaded));
  }

  private static void assertSeed(Canary canary) {
    assertThat(canary.validate()).isEmpty();
    var spec = canary.spec();
    assertThat(spec.autoscalerRef().apiVersion()).isEqualTo("autoscaling/v2beta2");
    assertThat(spec.autoscalerRef().name()).isEqualTo("podinfo");
    assertThat(spec.progressDeadlineSeconds()).isEqualTo(60);
    assertThat(spec.service().port()).isEqualTo(9898);
    assertThat(spec.service().targetPort()).isEqualTo("9898");
    assertThat(spec.service().hosts()).containsExactly("*");
    assertThat(spec.service().trafficPolicy()).isEqualTo(Map.of("tls", Map.of("mode", "DISABLE")));
    assertThat(spec.service().retries()).containsEntry("attempts", 3).containsEntry("perTryTimeout", "1s");
    var analysis = spec.analysis();
    assertThat(analysis.interval()).isEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(analysis.threshold()).isEqualTo(5);
    assertThat(analysis.maxWeight()).isEqualTo(50);
    assertThat(analysis.stepWeight()).isEqualTo(10);
    assertThat(analysis.metrics()).extracting(m -> m.name() + "@" + m.interval())
        .containsExactly("request-success-rate@1m", "request-duration@30s");
    assertThat(analysis.metrics().get(0).thresholdRange().min()).isEqualTo(99.0);
    assertThat(analysis.metrics().get(1).thresholdRange().max()).isEqualTo(500.0);
    assertThat(analysis.webhooks().get(0).is(WebhookType.PRE_ROLLOUT)).isTrue();
    assertThat(analysis.webhooks().get(1).metadata())
        .containsEntry("cmd", "hey -z 1m -q 10 -c 2 http://podinfo-canary.test:9898/");
  }
}
