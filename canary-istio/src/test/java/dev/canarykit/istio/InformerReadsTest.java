package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A router reading through {@link IstioInformers}: requests per call, counted on its own client. */
@EnableKubernetesMockClient(crud = true)
class InformerReadsTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private KubernetesClient counted;
  private IstioInformers informers;
  private IstioTrafficRouter router;
  private final Canary canary = Canaries.seed();
  private String informersVersionBefore;

  @BeforeEach
  void setUp() {
    counted = server.createClient(b -> b.withHttpClientBuilderConsumer(
        hb -> hb.addOrReplaceInterceptor("count", new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            if (!String.valueOf(request.uri().getQuery()).contains("watch=true")) {
              requests.add(request.method() + " " + request.uri().getPath().replaceAll(".*/", ""));
            }
          }
        })));
    informers = IstioInformers.start(counted, "test");
    router = new IstioTrafficRouter(counted, CanaryOwners.none(), informers);
    assertThat(router.reconcile(canary)).isEqualTo(Outcome.OK);
    await().atMost(Duration.ofSeconds(10)).until(() -> informers.virtualService("test", "podinfo") != null
        && informers.destinationRule("test", "podinfo-primary") != null
        && informers.destinationRule("test", "podinfo-canary") != null);
    informersVersionBefore = informers.virtualService("test", "podinfo").getMetadata().getResourceVersion();
    requests.clear();
  }

  @AfterEach
  void tearDown() {
    informers.close();
    counted.close();
  }

  @Test
  void anIdleReconcileAndReadSendNothingAndAStepSendsOnlyItsWrite() {
    assertThat(router.reconcile(canary)).isEqualTo(Outcome.OK);
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(100, 0, false));
    assertThat(requests).isEmpty();
    assertThat(router.setRoutes(canary, Canaries.routes(90, 10, false))).isEqualTo(Outcome.OK);
    assertThat(requests).containsExactly("PUT podinfo");
    await().atMost(Duration.ofSeconds(10)).until(() -> router.readRoutes(canary)
        .equals(new Outcome.Routes(90, 10, false)));
  }

  @Test
  void routesReadAfterAWriteAreNeverOlderThanTheWriteWhileTheCacheLags() {
    informers.close();
    assertThat(router.setRoutes(canary, Canaries.routes(60, 40, false))).isEqualTo(Outcome.OK);
    requests.clear();
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(60, 40, false));
    assertThat(requests).containsExactly("GET podinfo");
  }

  @Test
  void anObjectChangedBySomeoneElseIsReadOnceThenServedFromTheCache() {
    new IstioTrafficRouter(client, CanaryOwners.none()).setRoutes(canary, Canaries.routes(70, 30, false));
    await().atMost(Duration.ofSeconds(10)).until(() -> !informers.virtualService("test", "podinfo").getMetadata()
        .getResourceVersion().equals(informersVersionBefore));
    requests.clear();
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(70, 30, false));
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(70, 30, false));
    assertThat(requests).containsExactly("GET podinfo");
  }

  @Test
  void aStaleCacheCostsOneConflictOneFreshReadAndTheWrite() {
    informers.close();
    new IstioTrafficRouter(client, CanaryOwners.none()).setRoutes(canary, Canaries.routes(80, 20, false));
    assertThat(router.setRoutes(canary, Canaries.routes(50, 50, false))).isEqualTo(Outcome.OK);
    assertThat(requests).containsExactly("PUT podinfo", "GET podinfo", "PUT podinfo");
    assertThat(new IstioTrafficRouter(client, CanaryOwners.none()).readRoutes(canary))
        .isEqualTo(new Outcome.Routes(50, 50, false));
  }
}
