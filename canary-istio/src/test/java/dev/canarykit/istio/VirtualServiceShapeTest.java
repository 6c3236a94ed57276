package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.ServiceSpec.CustomMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hosts, gateways, delegation, destinations and the pass-through route fields (§4.2). */
class VirtualServiceShapeTest extends RouterFixture {
  private Map<String, Object> reconciled(Canary canary) {
    assertThat(router.reconcile(canary)).isEqualTo(Outcome.OK);
    return istio.spec();
  }

  @Test
  void apexHostIsAppendedToTheGivenHosts() {
    Map<String, Object> spec = reconciled(Canaries.withService(s -> s.hosts(List.of("app.example.com"))));
    assertThat(spec.get("hosts")).isEqualTo(List.of("app.example.com", "podinfo"));
  }

  @Test
  void apexHostIsNotAppendedWhenPresentOrWildcard() {
    assertThat(reconciled(Canaries.withService(s -> s.hosts(List.of("podinfo", "a.example.com")))).get("hosts"))
        .isEqualTo(List.of("podinfo", "a.example.com"));
    assertThat(reconciled(Canaries.withService(s -> s.hosts(List.of("*")))).get("hosts")).isEqualTo(List.of("*"));
  }

  @Test
  void withoutHostsTheApexIsTheOnlyHost() {
    assertThat(reconciled(Canaries.podinfo()).get("hosts")).isEqualTo(List.of("podinfo"));
  }

  @Test
  void meshOnlyWhenNoGatewaysAreGiven() {
    assertThat(reconciled(Canaries.podinfo()).get("gateways")).isEqualTo(List.of("mesh"));
    assertThat(reconciled(Canaries.withService(s -> s.gateways(List.of("istio-system/public")))).get("gateways"))
        .isEqualTo(List.of("istio-system/public"));
  }

  @Test
  void delegateHasNeitherHostsNorGateways() {
    Map<String, Object> spec = reconciled(Canaries.withService(s -> s.delegation(true)));
    assertThat(spec).doesNotContainKeys("hosts", "gateways");
    assertThat(Istio.weights(istio.http().get(0))).containsExactly("podinfo-primary=100", "podinfo-canary=0");
  }

  @Test
  void delegateWithHostsFailsNamingTheFieldsAndWritesNothing() {
    Canary canary = Canaries.withService(s -> s.delegation(true).hosts(List.of("app.example.com")));
    assertThat(router.reconcile(canary)).isEqualTo(new Outcome.Failed("VirtualService podinfo.test cannot have hosts"
        + " and gateways when delegation is enabled (service.hosts [app.example.com], service.gateways [])"));
    assertThat(istio.vs("podinfo")).isNull();
  }

  @Test
  void destinationsArePlainHostsWithoutSubsets() {
    reconciled(Canaries.podinfo());
    assertThat(Trees.children(istio.http().get(0), "route")).extracting(d -> d.get("destination"))
        .containsExactly(Map.of("host", "podinfo-primary"), Map.of("host", "podinfo-canary"));
  }

  @Test
  void destinationPortOnlyWithPortDiscoveryBehindAGatewayOrDelegated() {
    Map<String, Object> port = Map.of("number", 9898L);
    reconciled(Canaries.withService(s -> s.portDiscovery(true).gateways(List.of("public"))));
    assertThat(destination(0)).containsEntry("port", port);
    reconciled(Canaries.withService(s -> s.portDiscovery(true).gateways(List.of("mesh", "public"))));
    assertThat(destination(0)).doesNotContainKey("port");
    reconciled(Canaries.withService(s -> s.portDiscovery(true).delegation(true)));
    assertThat(destination(1)).containsEntry("port", port);
    reconciled(Canaries.withService(s -> s.gateways(List.of("public"))));
    assertThat(destination(0)).doesNotContainKey("port");
  }

  @Test
  void zeroWeightIsSerialized() {
    reconciled(Canaries.podinfo());
    assertThat(istio.vs("podinfo").getSpec().getHttp().get(0).getRoute().get(1).getWeight()).isEqualTo(0);
    assertThat(client.getKubernetesSerialization().asJson(istio.vs("podinfo").getSpec()))
        .contains("{\"destination\":{\"host\":\"podinfo-canary\"},\"weight\":0}");
  }

  @Test
  void serviceFieldsGoOnTheRoute() {
    Map<String, Object> route = istio.parse("""
        match: [{uri: {prefix: /api}}, {uri: {prefix: /v2}, ignoreUriCase: true}]
        rewrite: {uri: /, authority: podinfo.internal}
        timeout: 5s
        retries: {attempts: 2, perTryTimeout: 1s, retryOn: 5xx}
        corsPolicy: {allowOrigins: [{exact: "https://example.com"}], allowMethods: [GET, POST], maxAge: 24h}
        headers: {request: {set: {x-env: prod}}, response: {add: {x-served-by: podinfo}, remove: [server]}}
        """);
    @SuppressWarnings("unchecked")
    Canary canary = Canaries.withService(s -> s.match((List<Map<String, Object>>) route.get("match"))
        .rewrite(Trees.child(route, "rewrite")).timeout("5s").retries(Trees.child(route, "retries"))
        .corsPolicy(Trees.child(route, "corsPolicy")).headers(Trees.child(route, "headers")));
    reconciled(canary);
    Map<String, Object> written = istio.http().get(0);
    assertThat(written).containsAllEntriesOf(route);
    assertThat(Istio.weights(written)).containsExactly("podinfo-primary=100", "podinfo-canary=0");
  }

  @Test
  void labelsAndAnnotationsComeFromTheApexMetadata() {
    reconciled(Canaries.withService(s -> s.apex(new CustomMetadata(Map.of("team", "web"), Map.of("note", "x")))));
    assertThat(istio.vs("podinfo").getMetadata().getLabels()).isEqualTo(Map.of("team", "web"));
    assertThat(istio.vs("podinfo").getMetadata().getAnnotations()).containsEntry("note", "x")
        .containsEntry("kustomize.toolkit.fluxcd.io/reconcile", "disabled");
  }

  private Map<String, Object> destination(int index) {
    return Trees.child(Trees.children(istio.http().get(0), "route").get(index), "destination");
  }
}
