package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A/B routes and their match product, mirroring, TCP routes (§4.2, §1.11, §1.12). */
class RoutingStrategiesTest extends RouterFixture {
  private static final Map<String, Object> INSIDER = Map.of("headers", Map.of("x-canary", Map.of("exact", "insider")));
  private static final Map<String, Object> FROM_TESTER = Map.of("sourceLabels", Map.of("app", "tester"));

  @Test
  void abTestingWritesTheMatchRouteThenThePrimaryRoute() {
    Canary canary = Canaries.withAnalysis(a -> a.iterations(10).match(List.of(INSIDER)));
    router.reconcile(canary);
    List<Map<String, Object>> http = istio.http();
    assertThat(http).hasSize(2);
    assertThat(http.get(0).get("match")).isEqualTo(List.of(INSIDER));
    assertThat(Istio.weights(http.get(0))).containsExactly("podinfo-primary=100", "podinfo-canary=0");
    assertThat(http.get(1)).doesNotContainKey("match");
    assertThat(Istio.weights(http.get(1))).containsExactly("podinfo-primary=100");
  }

  @Test
  void abTestingKeepsEveryConditionOfBothMatchesUnlikeFlagger() {
    Map<String, Object> beta = Map.of("queryParams", Map.of("beta", Map.of("exact", "on")),
        "headers", Map.of("x-canary", Map.of("exact", "insider")));
    Map<String, Object> api = Map.of("uri", Map.of("prefix", "/api"), "headers", Map.of("x-old", Map.of("exact", "1")));
    Canary canary = Canaries.withService(Canaries.withAnalysis(a -> a.iterations(10).match(List.of(beta))),
        s -> s.match(List.of(api)));
    router.reconcile(canary);
    assertThat(istio.http().get(0).get("match")).isEqualTo(List.of(Map.of("uri", Map.of("prefix", "/api"),
        "headers", Map.of("x-old", Map.of("exact", "1"), "x-canary", Map.of("exact", "insider")),
        "queryParams", Map.of("beta", Map.of("exact", "on")))));
    assertThat(istio.http().get(1).get("match")).isEqualTo(List.of(api));
  }

  @Test
  void aSuffixHeaderMatchIsWrittenAsARegexNeverAsAnEmptyMatch() {
    Map<String, Object> suffix = Map.of("headers", Map.of("user-agent", Map.of("suffix", "(iPhone).1")));
    router.reconcile(Canaries.withAnalysis(a -> a.iterations(10).match(List.of(suffix))));
    assertThat(istio.http().get(0).get("match")).isEqualTo(List.of(
        Map.of("headers", Map.of("user-agent", Map.of("regex", ".*\\(iPhone\\)\\.1")))));
  }

  @Test
  void abTestingMatchIsTheProductOfAnalysisAndServiceMatches() {
    Map<String, Object> api = Map.of("uri", Map.of("prefix", "/api"));
    Map<String, Object> v2 = Map.of("uri", Map.of("prefix", "/v2"), "headers", Map.of("x-old", Map.of("exact", "1")));
    Canary canary = Canaries.withService(Canaries.withAnalysis(a -> a.iterations(10)
        .match(List.of(INSIDER, FROM_TESTER))), s -> s.match(List.of(api, v2)));
    router.reconcile(canary);
    assertThat(istio.http().get(0).get("match")).isEqualTo(List.of(
        Map.of("uri", Map.of("prefix", "/api"), "headers", INSIDER.get("headers")),
        Map.of("uri", Map.of("prefix", "/v2"), "headers", Map.of("x-old", Map.of("exact", "1"),
            "x-canary", Map.of("exact", "insider"))),
        Map.of("uri", Map.of("prefix", "/api"), "sourceLabels", FROM_TESTER.get("sourceLabels")),
        Map.of("uri", Map.of("prefix", "/v2"), "headers", Map.of("x-old", Map.of("exact", "1")),
            "sourceLabels", FROM_TESTER.get("sourceLabels"))));
    assertThat(istio.http().get(1).get("match")).isEqualTo(List.of(api, v2));
  }

  @Test
  void abTestingSendsTheMatchedTrafficToTheCanary() {
    Canary canary = Canaries.withAnalysis(a -> a.iterations(10).match(List.of(INSIDER)));
    router.reconcile(canary);
    assertThat(router.setRoutes(canary, Canaries.routes(0, 100, false))).isEqualTo(Outcome.OK);
    assertThat(Istio.weights(istio.http().get(0))).containsExactly("podinfo-primary=0", "podinfo-canary=100");
    assertThat(Istio.weights(istio.http().get(1))).containsExactly("podinfo-primary=100");
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(0, 100, false));
  }

  @Test
  void mirrorNamesTheCanaryWithTheMirrorPercentage() {
    Canary canary = Canaries.withAnalysis(a -> a.iterations(5).mirror(true).mirrorWeight(40));
    router.reconcile(canary);
    router.setRoutes(canary, Canaries.routes(100, 0, true));
    Map<String, Object> route = istio.http().get(0);
    assertThat(route.get("mirror")).isEqualTo(Map.of("host", "podinfo-canary"));
    assertThat(route.get("mirrorPercentage")).isEqualTo(Map.of("value", 40.0));
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(100, 0, true));
  }

  @Test
  void mirrorWithoutWeightMirrorsEverythingAndStopsWhenUnset() {
    Canary canary = Canaries.withAnalysis(a -> a.iterations(5).mirror(true));
    router.reconcile(canary);
    router.setRoutes(canary, Canaries.routes(100, 0, true));
    assertThat(istio.http().get(0)).containsKey("mirror").doesNotContainKey("mirrorPercentage");
    router.setRoutes(canary, Canaries.routes(0, 100, false));
    assertThat(istio.http().get(0)).doesNotContainKeys("mirror", "mirrorPercentage");
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(0, 100, false));
  }

  @Test
  void tcpServiceGetsATcpRouteWithPortMatches() {
    Canary canary = Canaries.withService(s -> s.appProtocol("tcp").match(List.of(Map.of("port", 5432))));
    router.reconcile(canary);
    Map<String, Object> spec = istio.spec();
    assertThat(spec).doesNotContainKey("http");
    Map<String, Object> tcp = Trees.children(spec, "tcp").get(0);
    assertThat(tcp.get("match")).isEqualTo(List.of(Map.of("port", 5432L)));
    assertThat(Istio.weights(tcp)).containsExactly("podinfo-primary=100", "podinfo-canary=0");
    router.setRoutes(canary, Canaries.routes(80, 20, false));
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(80, 20, false));
  }
}
