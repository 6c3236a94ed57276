package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Canary;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fields outside Flagger's schema never reach the core model, so the Istio router never writes them. */
class SchemaPruningTest {
  static final String CANARY = """
      apiVersion: flagger.app/v1beta1
      kind: Canary
      metadata: {name: app, namespace: test}
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
        service:
          port: 80
          match: [{uri: {prefix: /api}, bogusMatch: 1}]
          corsPolicy: {allowOrigins: [{exact: a}], bogusCors: 1}
          headers: {request: {set: {a: b}, bogusOp: {}}}
          retries: {attempts: 3, backoff: 1s}
          rewrite: {uri: /, uriRegexRewrite: {match: x}}
          trafficPolicy: {tls: {mode: ISTIO_MUTUAL}, tunnel: {protocol: CONNECT}, connectionPool: {tcp: {a: 1}}}
        analysis:
          interval: 1m
          threshold: 5
          iterations: 10
          match: [{headers: {x: {suffix: y}}, bogusAb: 1}]
      """;

  @Test
  void aCanaryReadFromTheApiServerLosesEveryFieldFlaggersSchemaPrunes() {
    CanaryResource r = new KubernetesSerialization().unmarshal(CANARY, CanaryResource.class);
    Canary c = CanaryMapping.toCore(r);
    var s = c.spec().service();
    assertThat(s.match()).isEqualTo(List.of(Map.of("uri", Map.of("prefix", "/api"))));
    assertThat(s.corsPolicy()).isEqualTo(Map.of("allowOrigins", List.of(Map.of("exact", "a"))));
    assertThat(s.headers()).isEqualTo(Map.of("request", Map.of("set", Map.of("a", "b"))));
    assertThat(s.retries()).isEqualTo(Map.of("attempts", 3));
    assertThat(s.rewrite()).isEqualTo(Map.of("uri", "/"));
    assertThat(s.trafficPolicy()).isEqualTo(Map.of("tls", Map.of("mode", "ISTIO_MUTUAL"), "connectionPool", Map.of()));
    assertThat(c.spec().analysis().match()).isEqualTo(List.of(Map.of("headers", Map.of("x", Map.of("suffix", "y")))));
  }

  @Test
  void aDocumentMapsTheSameWay() throws Exception {
    Canary c = FlaggerDocuments.toCanary(ManifestYaml.parse(CANARY).get(0).tree());
    assertThat(c.spec().service().match()).isEqualTo(List.of(Map.of("uri", Map.of("prefix", "/api"))));
  }
}
