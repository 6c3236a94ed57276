package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whatever path a Canary takes to the router (here built in Java, never validated, so nothing pruned it), no field
 * outside Flagger's schema reaches an Istio object, and no match without a condition is ever written.
 */
class SchemaFieldsTest extends RouterFixture {
  private static final Map<String, Object> API = Map.of("uri", Map.of("prefix", "/api"), "bogusMatch", "x");

  @Test
  void fieldsOutsideFlaggersSchemaAreNeverWrittenToTheVirtualService() {
    Canary canary = Canaries.withService(Canaries.withAnalysis(a -> a.iterations(10).match(List.of(
        Map.of("headers", Map.of("x-canary", Map.of("exact", "insider", "bogusExact", "1")), "bogusAb", 1)))),
        s -> s.match(List.of(API))
            .rewrite(Map.of("uri", "/", "uriRegexRewrite", Map.of("match", "a", "rewrite", "b"), "type", "Replace"))
            .retries(Map.of("attempts", 3, "backoff", "1s"))
            .headers(Map.of("request", Map.of("set", Map.of("x-a", "1"), "bogusOp", Map.of())))
            .corsPolicy(Map.of("allowOrigins", List.of(Map.of("exact", "https://a.example")), "bogusCors", true)));
    assertThat(router.reconcile(canary)).isEqualTo(Outcome.OK);
    Map<String, Object> ab = istio.http().get(0);
    assertThat(ab.get("match")).isEqualTo(List.of(Map.of("uri", Map.of("prefix", "/api"),
        "headers", Map.of("x-canary", Map.of("exact", "insider")))));
    assertThat(ab.get("rewrite")).as("no uriRegexRewrite (pruned), no Gateway API type").isEqualTo(Map.of("uri", "/"));
    assertThat(ab.get("retries")).isEqualTo(Map.of("attempts", 3));
    assertThat(ab.get("headers")).isEqualTo(Map.of("request", Map.of("set", Map.of("x-a", "1"))));
    assertThat(ab.get("corsPolicy")).isEqualTo(Map.of("allowOrigins", List.of(Map.of("exact", "https://a.example"))));
    assertThat(istio.http().get(1).get("match")).isEqualTo(List.of(Map.of("uri", Map.of("prefix", "/api"))));
  }

  @Test
  void fieldsOutsideFlaggersSchemaAreNeverWrittenToTheDestinationRules() {
    router.reconcile(Canaries.withService(s -> s.trafficPolicy(Map.of("tls", Map.of("mode", "DISABLE"),
        "tunnel", Map.of("protocol", "CONNECT"), "connectionPool", Map.of("tcp", Map.of("maxConnections", 1),
            "http", Map.of("maxRetries", 2))))));
    for (String name : List.of("podinfo-primary", "podinfo-canary")) {
      assertThat(istio.tree(istio.dr(name).getSpec()).get("trafficPolicy")).isEqualTo(Map.of(
          "tls", Map.of("mode", "DISABLE"), "connectionPool", Map.of("http", Map.of("maxRetries", 2))));
    }
  }

  @Test
  void aServiceMatchWithNoConditionIsRefusedNotWrittenAsACatchAll() {
    Canary canary = Canaries.withService(s -> s.match(List.of(Map.of("uri", Map.of("prefix", "/api")),
        Map.of("bogusMatch", Map.of("exact", "x")))));
    assertThat(router.reconcile(canary)).isEqualTo(new Outcome.Failed("refusing to route VirtualService"
        + " podinfo.test: spec.service.match[1] has no condition (fields outside Flagger's schema do not count),"
        + " and Istio would match every request with it"));
    assertThat(istio.vs("podinfo")).isNull();
  }

  @Test
  void anAbMatchWithNoConditionIsRefusedOnEveryWriteSoTheCanaryNeverTakesAllTraffic() {
    Canary valid = Canaries.withAnalysis(a -> a.iterations(10).match(List.of(
        Map.of("headers", Map.of("x-canary", Map.of("exact", "insider"))))));
    assertThat(router.reconcile(valid)).isEqualTo(Outcome.OK);
    Canary empty = Canaries.withAnalysis(a -> a.iterations(10).match(List.of(Map.of("name", "only-a-name"))));
    assertThat(router.setRoutes(empty, Canaries.routes(0, 100, false))).isEqualTo(new Outcome.Failed(
        "refusing to route VirtualService podinfo.test: spec.analysis.match[0] has no condition (fields outside"
            + " Flagger's schema do not count), and Istio would match every request with it"));
    assertThat(Istio.weights(istio.http().get(0))).containsExactly("podinfo-primary=100", "podinfo-canary=0");
  }
}
