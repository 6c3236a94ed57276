package dev.canarykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.ScriptedMetricSource;
import dev.canarykit.istio.CanaryOwners;
import dev.canarykit.istio.IstioInformers;
import dev.canarykit.istio.IstioTrafficRouter;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.FlaggerCrds;
import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The API cost of the controller with the real {@link IstioTrafficRouter} and the Kubernetes stores: requests the
 * controller's own client sends per tick of the seed release (an interceptor on that client; the test's own
 * writes go through another one), with the router reading directly and through {@link IstioInformers}. Printed as
 * {@code API-COST-ISTIO} lines for docs/benchmarks.md.
 */
@EnableKubernetesMockClient(crud = true)
class IstioApiCostTest {
  private static final String NS = "test";
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
    seed();
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
        rollOut();
        return phase() == Phase.INITIALIZED;
      });
      int idleFrom = perTick.size() + 2;
      await().atMost(Duration.ofSeconds(30)).until(() -> perTick.size() > idleFrom + 2);
      List<List<String>> idle = new ArrayList<>(perTick.subList(idleFrom, idleFrom + 3));
      client.apps().deployments().inNamespace(NS).withName("podinfo").edit(d -> {
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("stefanprodan/podinfo:3.1.1");
        return d;
      });
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        rollOut();
        return phase() == Phase.SUCCEEDED;
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

  private void seed() throws Exception {
    FlaggerCrds.load(client.getKubernetesSerialization())
        .forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd).create());
    client.resource(new DeploymentBuilder().withNewMetadata().withName("podinfo").withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(Map.of("app", "podinfo")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "podinfo")).endMetadata().withNewSpec()
        .addNewContainer().withName("podinfod").withImage("stefanprodan/podinfo:3.1.0").addNewPort()
        .withName("http").withContainerPort(9898).endPort().endContainer().endSpec().endTemplate().endSpec()
        .build()).create();
    client.resource(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("podinfo").withNamespace(NS)
        .endMetadata().withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
        .withName("podinfo").endScaleTargetRef().withMinReplicas(2).withMaxReplicas(4).endSpec().build()).create();
    try (InputStream in = getClass().getResourceAsStream("/corpus/valid/podinfo-canary.yaml")) {
      client.resource(client.getKubernetesSerialization().unmarshal(in, CanaryResource.class)).create();
    }
  }

  /** What a cluster's Deployment controller would do: both workloads become ready. */
  private void rollOut() {
    for (String name : List.of("podinfo-primary", "podinfo")) {
      Deployment d = client.apps().deployments().inNamespace(NS).withName(name).get();
      if (d != null) {
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(replicas).withUpdatedReplicas(replicas).withAvailableReplicas(replicas)
            .withReadyReplicas(replicas).build());
        client.apps().deployments().inNamespace(NS).resource(d).updateStatus();
      }
    }
  }

  private Phase phase() {
    CanaryResource r = client.resources(CanaryResource.class).inNamespace(NS).withName("podinfo").get();
    return CanaryStatusMapping.toCore(r.getStatus()).phase();
  }
}
