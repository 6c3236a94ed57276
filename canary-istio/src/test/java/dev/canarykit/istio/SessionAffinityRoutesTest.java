package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command.SessionCookies;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.SessionAffinity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sticky sessions (§1.17): cookie routes, Set-Cookie headers, cookie deletion, reading and reconciling them. */
@EnableKubernetesMockClient(crud = true)
class SessionAffinityRoutesTest {
  private static final SessionAffinity AFFINITY =
      new SessionAffinity("canary-session", "primary-session", 3600, null, true, false, "/", "Lax", true);
  private static final SessionCookies RUNNING =
      new SessionCookies("canary-session=abcdefghij", "", "primary-session=klmnopqrst");
  private static final SessionCookies DONE =
      new SessionCookies("", "canary-session=abcdefghij", "primary-session=klmnopqrst");
  private static final Map<String, Object> API = Map.of("uri", Map.of("prefix", "/api"));

  KubernetesMockServer server;
  private Istio istio;
  private IstioTrafficRouter router;
  private final WriteCounter counter = new WriteCounter();
  private final Canary canary = Canaries.withService(Canaries.withAnalysis(a -> a.sessionAffinity(AFFINITY)),
      s -> s.match(List.of(API)));

  @BeforeEach
  void setUp() {
    KubernetesClient client = counter.client(server);
    istio = new Istio(client);
    router = new IstioTrafficRouter(client, CanaryOwners.none());
    router.reconcile(canary);
  }

  @Test
  void canaryTrafficGetsStickyRoutesBeforeTheWeightedRoute() {
    assertThat(router.setRoutes(canary, Canaries.routes(90, 10, RUNNING))).isEqualTo(Outcome.OK);
    List<Map<String, Object>> http = istio.http();
    assertThat(http).hasSize(3);
    assertThat(http.get(0).get("match")).isEqualTo(List.of(Map.of("uri", Map.of("prefix", "/api"),
        "headers", Map.of("Cookie", Map.of("regex", ".*canary-session.*abcdefghij.*")))));
    assertThat(Istio.weights(http.get(0))).containsExactly("podinfo-primary=0", "podinfo-canary=100");
    assertThat(http.get(1).get("match")).isEqualTo(List.of(Map.of("uri", Map.of("prefix", "/api"),
        "headers", Map.of("Cookie", Map.of("regex", ".*primary-session.*klmnopqrst.*")))));
    assertThat(Istio.weights(http.get(1))).containsExactly("podinfo-primary=100", "podinfo-canary=0");
    assertThat(http.get(2).get("match")).isEqualTo(List.of(API));
    assertThat(Istio.weights(http.get(2))).containsExactly("podinfo-primary=90", "podinfo-canary=10");
  }

  @Test
  void weightedDestinationsSetTheCookies() {
    router.setRoutes(canary, Canaries.routes(90, 10, RUNNING));
    List<Map<String, Object>> destinations = Trees.children(istio.http().get(2), "route");
    assertThat(setCookie(destinations.get(1)))
        .isEqualTo("canary-session=abcdefghij; Max-Age=3600; HttpOnly; Path=/; SameSite=Lax; Secure");
    assertThat(setCookie(destinations.get(0)))
        .isEqualTo("primary-session=klmnopqrst; Max-Age=60; HttpOnly; Path=/; SameSite=Lax; Secure");
  }

  @Test
  void backToZeroDeletesThePreviousCookie() {
    router.setRoutes(canary, Canaries.routes(90, 10, RUNNING));
    router.setRoutes(canary, Canaries.routes(100, 0, DONE));
    List<Map<String, Object>> http = istio.http();
    assertThat(http).hasSize(2);
    assertThat(http.get(0).get("match")).isEqualTo(List.of(Map.of("uri", Map.of("prefix", "/api"),
        "headers", Map.of("Cookie", Map.of("regex", ".*canary-session.*abcdefghij.*")))));
    assertThat(setCookie(http.get(0))).isEqualTo("canary-session=abcdefghij; Max-Age=-1");
    assertThat(Istio.weights(http.get(0))).containsExactly("podinfo-primary=100", "podinfo-canary=0");
    assertThat(Trees.children(http.get(1), "route")).allSatisfy(d -> assertThat(d).doesNotContainKey("headers"));
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(100, 0, false));
  }

  @Test
  void readsTheWeightedRouteNotTheStickyOnes() {
    router.setRoutes(canary, Canaries.routes(70, 30, RUNNING));
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(70, 30, false));
  }

  @Test
  void reconcileKeepsCookieRoutesAndWritesNothing() {
    router.setRoutes(canary, Canaries.routes(70, 30, RUNNING));
    Map<String, Object> before = istio.spec();
    counter.clear();
    assertThat(router.reconcile(canary)).isEqualTo(Outcome.OK);
    assertThat(counter.writes()).isEmpty();
    assertThat(istio.spec()).isEqualTo(before);
  }

  @Test
  void reconcileAfterAServiceChangeKeepsTheCookies() {
    router.setRoutes(canary, Canaries.routes(70, 30, RUNNING));
    router.reconcile(Canaries.withService(canary, s -> s.timeout("3s")));
    List<Map<String, Object>> http = istio.http();
    assertThat(http).hasSize(3).allSatisfy(r -> assertThat(r).containsEntry("timeout", "3s"));
    assertThat(setCookie(Trees.children(http.get(2), "route").get(1))).startsWith("canary-session=abcdefghij;");
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(70, 30, false));
  }

  private static String setCookie(Map<String, Object> target) {
    return Trees.text(Trees.child(Trees.child(Trees.child(target, "headers"), "response"), "add"), "Set-Cookie");
  }
}
