package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two DestinationRules share the service's trafficPolicy (§4.3). */
@EnableKubernetesMockClient(crud = true)
class DestinationRulesTest {
  KubernetesMockServer server;
  private final WriteCounter counter = new WriteCounter();
  private Istio istio;
  private IstioTrafficRouter router;
  private Map<String, Object> policy;

  @BeforeEach
  void setUp() {
    KubernetesClient client = counter.client(server);
    istio = new Istio(client);
    router = new IstioTrafficRouter(client, CanaryOwners.none());
    policy = istio.parse("""
        tls: {mode: ISTIO_MUTUAL}
        loadBalancer: {simple: LEAST_REQUEST}
        connectionPool: {http: {http1MaxPendingRequests: 10}}
        outlierDetection: {consecutive5xxErrors: 5, interval: 30s, baseEjectionTime: 1m}
        """);
  }

  @Test
  void bothRulesCarryTheSamePolicyAndTheirOwnHost() {
    router.reconcile(Canaries.withService(s -> s.trafficPolicy(policy)));
    for (String host : new String[] {"podinfo-primary", "podinfo-canary"}) {
      Map<String, Object> spec = istio.tree(istio.dr(host).getSpec());
      assertThat(spec).isEqualTo(Map.of("host", host, "trafficPolicy", policy));
    }
  }

  @Test
  void withoutPolicyOnlyTheHost() {
    router.reconcile(Canaries.podinfo());
    assertThat(istio.tree(istio.dr("podinfo-canary").getSpec())).isEqualTo(Map.of("host", "podinfo-canary"));
  }

  @Test
  void updatedWhenThePolicyChangesOtherwiseLeftAlone() {
    Canary canary = Canaries.withService(s -> s.trafficPolicy(policy));
    router.reconcile(canary);
    counter.clear();
    router.reconcile(canary);
    assertThat(counter.writes()).isEmpty();
    Map<String, Object> disable = Map.of("tls", Map.of("mode", "DISABLE"));
    assertThat(router.reconcile(Canaries.withService(s -> s.trafficPolicy(disable)))).isEqualTo(Outcome.OK);
    assertThat(counter.writes()).containsExactly(
        "PUT /apis/networking.istio.io/v1/namespaces/test/destinationrules/podinfo-canary",
        "PUT /apis/networking.istio.io/v1/namespaces/test/destinationrules/podinfo-primary");
    assertThat(istio.tree(istio.dr("podinfo-primary").getSpec())).containsEntry("trafficPolicy", disable);
  }
}
