package dev.canarykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.ScriptedMetricSource;
import dev.canarykit.examples.embed.SeedCluster;
import dev.canarykit.istio.CanaryOwners;
import dev.canarykit.istio.IstioInformers;
import dev.canarykit.istio.IstioTrafficRouter;
import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The API cost of the controller with the real {@link IstioTrafficRouter} and the Kubernetes stores: requests the
 * controller's own client sends per tick of the seed release (an interceptor on that client; the test's own
 * writes go through another one), with the router reading directly and through {@link IstioInformers}. Printed as
 * {@code API-COST-ISTIO} lines for docs/benchmarks.md.
 */
@EnableKubernetesMockClient(crud = true)
class IstioApiCostTest {
  private static final String NS = SeedCluster.NS;
  KubernetesClient client;
  KubernetesMockServer server;
  private final ManualClock clock = ManualClock.ofDefaults();
  private final List<TickReport> reports = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<List<String>> perTick = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

  @Test
  void withInformerReadsAnIdleTickSendsNothingAndAStepWritesOnlyWhatChanged() throws Exception {
    Cost cost = measure("informer reads", c -> {
      IstioInformers informers = IstioInformers.start(c, NS);
      closeables.add(informers);
      return new IstioTrafficRouter(c, CanaryOwners.lookup(c), informers);
    });
    assertThat(cost.idle()).allSatisfy(t -> assertThat(t).isEmpty());
    assertThat(cost.advancing()).isNotEmpty().allSatisfy(t -> assertThat(t).containsExactlyInAnyOrder(
        "POST events", "PUT virtualservices/podinfo", "PATCH canaries/podinfo/status"));
  }

  @Test
  void withDirectReadsEveryTickReadsTheRoutingObjectsButWritesNothingIdle() throws Exception {
    Cost cost = measure("direct reads", c -> new IstioTrafficRouter(c, CanaryOwners.lookup(c)));
    assertThat(cost.idle()).allSatisfy(t -> assertThat(t).isNotEmpty().allMatch(r -> r.startsWith("GET")));
    assertThat(cost.advancing()).isNotEmpty().allSatisfy(t -> assertThat(t)
        .filteredOn(r -> !r.startsWith("GET")).containsExactlyInAnyOrder(
            "POST events", "PUT virtualservices/podinfo", "PATCH canaries/podinfo/status"));
  }

  private record Cost(List<List<String>> idle, List<List<String>> advancing) {}

  private Cost measure(String label, Function<KubernetesClient, TrafficRouter> routers) throws Exception {
    SeedCluster cluster = new SeedCluster(client).install(UnaryOperator.identity());
    KubernetesClient counted = server.createClient(b -> b.withHttpClientBuilderConsumer(
        hb -> hb.addOrReplaceInterceptor("count", new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            if (!String.valueOf(request.uri().getQuery()).contains("watch=true")) {
              requests.add(request.method() + " " + request.uri().getPath()
                  .replaceFirst("^/apis?/([^/]+/)?v1[^/]*/namespaces/test/", ""));
            }
          }
        })));
    TrafficRouter router = routers.apply(counted);
    var config = ControllerConfig.builder().router(router).metrics(new ScriptedMetricSource()
            .fix("request-success-rate", 99.9).fix("request-duration", 120)).webhooks(new InMemoryWebhookClient())
        .clock(clock).namespace(NS).intervals(x -> Duration.ofMillis(300)).workers(1).onTick(this::onTick).build();
    try (CanaryController c = CanaryController.create(counted, config)) {
      c.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        cluster.rollOut();
        return cluster.phase() == Phase.INITIALIZED;
      });
      int idleFrom = perTick.size() + 2;
      await().atMost(Duration.ofSeconds(30)).until(() -> perTick.size() > idleFrom + 2);
      List<List<String>> idle = new ArrayList<>(perTick.subList(idleFrom, idleFrom + 3));
      cluster.release();
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        cluster.rollOut();
        return cluster.phase() == Phase.SUCCEEDED;
      });
      List<List<String>> advancing = advancingTicks();
      System.out.println("API-COST-ISTIO " + label + " idle ticks: " + idle);
      System.out.println("API-COST-ISTIO " + label + " advancing ticks: " + advancing);
      System.out.println("API-COST-ISTIO " + label + " GETs over the whole release (" + perTick.size() + " ticks): "
          + perTick.stream().flatMap(List::stream).filter(r -> r.startsWith("GET"))
              .collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.TreeMap::new,
                  java.util.stream.Collectors.counting())));
      return new Cost(idle, advancing);
    } finally {
      for (AutoCloseable closeable : closeables) {
        closeable.close();
      }
      counted.close();
    }
  }

  private void onTick(TickReport r) {
    reports.add(r);
    synchronized (requests) {
      perTick.add(new ArrayList<>(requests));
      requests.clear();
    }
    clock.advance(Duration.ofMinutes(1));
  }

  /** The requests of the ticks that moved the canary weight from 10 to 50. */
  private List<List<String>> advancingTicks() {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < reports.size() && i < perTick.size(); i++) {
      if (reports.get(i).events().stream()
          .anyMatch(e -> e.message().matches("Advance podinfo.test canary weight [2-5]0"))) {
        out.add(perTick.get(i));
      }
    }
    return out;
  }
}
