package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.internal.IstioBlocks;
import dev.canarykit.core.validation.Violation;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  /** canary-istio prunes with core's copy of the Istio blocks' schema: it is the shipped CRD's, field by field. */
  @Test
  void coresSchemaOfTheIstioBlocksIsTheShippedCrds() {
    for (IstioBlocks.Block block : IstioBlocks.Block.values()) {
      Set<String> crd = new TreeSet<>();
      paths(Schemas.at("Canary", block.path()), "", crd);
      assertThat(new TreeSet<>(IstioBlocks.fieldPaths(block))).as(block.path()).isEqualTo(crd).isNotEmpty();
    }
  }

  @Test
  void aMatchMadeOnlyOfUnknownFieldsIsAWarningAndInvalidForItWouldMatchEveryRequest() {
    DocumentCheck c = Yaml.check(CANARY.replace("match: [{uri: {prefix: /api}, bogusMatch: 1}]",
        "match: [{uri: {prefix: /api}}, {bogusMatch: {exact: x}}]"));
    assertThat(c.warnings()).extracting(FieldWarning::path).contains("spec.service.match[1].bogusMatch");
    assertThat(c.violations()).extracting(Violation::toString).containsExactly("spec.service.match[1]: has no"
        + " condition (fields outside Flagger's schema do not count): Istio would match every request with it;"
        + " give it a condition or remove it");
  }

  @Test
  void theGatewayApiRewriteTypeIsAWarningForIstioCanaries() {
    DocumentCheck c = Yaml.check(CANARY.replace("uriRegexRewrite: {match: x}", "type: ReplacePrefixMatch"));
    assertThat(c.violations()).isEmpty();
    assertThat(c.warnings()).contains(new FieldWarning("spec.service.rewrite.type", UnusedFields.REWRITE_TYPE));
  }

  private static void paths(JsonNode schema, String at, Set<String> out) {
    schema.path("properties").properties().forEach(p -> {
      out.add(at + "." + p.getKey());
      paths(p.getValue(), at + "." + p.getKey(), out);
    });
    if (schema.has("items")) {
      paths(schema.get("items"), at + "[]", out);
    }
    if (schema.path("additionalProperties").isObject()) {
      paths(schema.get("additionalProperties"), at + "{}", out);
    }
  }
}
