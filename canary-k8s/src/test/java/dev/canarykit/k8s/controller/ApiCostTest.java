package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.workload.Fixtures;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Counts the requests the controller's own client sends per tick (an interceptor on that client; the test's
 * writes go through another client). Printed as {@code API-COST} lines for docs/benchmarks.md.
 *
 * <p>A tick whose informer cache has not yet seen the previous tick's status write reads the status with a GET
 * (docs/decisions.md, "fresh status"); on a loaded machine the watch event can arrive after the next tick starts.
 * So after each tick, before the next one can start on the single worker, the test waits until the controller's
 * cache holds the Canary as the API server has it: every tick then starts from a current cache, where no GET is
 * promised, and any GET it still sends is a needless one.
 */
@EnableKubernetesMockClient(crud = true)
class ApiCostTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void anIdleTickSendsNothingAndAnAdvancingTickWritesOnlyWhatChanged() throws Exception {
    SeedWorld w = new SeedWorld(client);
    List<String> requests = new CopyOnWriteArrayList<>();
    List<List<String>> perTick = new CopyOnWriteArrayList<>();
    AtomicReference<CanaryController> controller = new AtomicReference<>();
    KubernetesClient counted = server.createClient(b -> b.withHttpClientBuilderConsumer(
        hb -> hb.addOrReplaceInterceptor("count", new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            requests.add(request.method() + " " + request.uri().getPath()
                + (request.uri().getQuery() == null ? "" : "?" + request.uri().getQuery()));
          }
        })));
    var config = w.config(x -> Duration.ofMillis(300)).onTick(r -> {
      w.reports.add(r);
      synchronized (requests) {
        perTick.add(new ArrayList<>(requests));
        requests.clear();
      }
      w.clock.advance(Duration.ofMinutes(1));
      awaitCacheCaughtUp(controller.get());
    }).workers(1).build();
    try (CanaryController c = CanaryController.create(counted, config)) {
      controller.set(c);
      c.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        w.rollOut();
        return w.phase() == Phase.INITIALIZED;
      });
      int idleFrom = perTick.size() + 2;
      await().atMost(Duration.ofSeconds(30)).until(() -> perTick.size() > idleFrom + 2);
      List<List<String>> idle = new ArrayList<>(perTick.subList(idleFrom, idleFrom + 3));
      Fixtures.setImage(client, SeedWorld.NS, "podinfo", "stefanprodan/podinfo:3.1.1");
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        w.rollOut();
        return w.phase() == Phase.SUCCEEDED;
      });
      List<List<String>> advancing = advancingTicks(w, perTick);
      System.out.println("API-COST idle ticks: " + idle);
      System.out.println("API-COST advancing ticks: " + advancing);
      System.out.println("API-COST GETs over the whole release (" + perTick.size() + " ticks): " + gets(perTick));
      assertThat(idle).allSatisfy(t -> assertThat(t).isEmpty());
      assertThat(advancing).isNotEmpty().allSatisfy(t -> {
        assertThat(t).noneMatch(r -> r.startsWith("GET"));
        assertThat(t).filteredOn(r -> r.startsWith("PATCH")).hasSize(1);
      });
    } finally {
      counted.close();
    }
  }

  /** Waits, on the worker thread, until {@code c}'s cache holds the Canary's current resourceVersion. */
  private void awaitCacheCaughtUp(CanaryController c) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      var live = client.resources(CanaryResource.class).inNamespace(SeedWorld.NS).withName("podinfo").get();
      return live != null
          && live.getMetadata().getResourceVersion().equals(c.cachedVersion(SeedWorld.NS, "podinfo"));
    });
  }

  /** Each GET sent during the ticks and how often. */
  static java.util.Map<String, Long> gets(List<List<String>> perTick) {
    return perTick.stream().flatMap(List::stream).filter(r -> r.startsWith("GET"))
        .collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.TreeMap::new,
            java.util.stream.Collectors.counting()));
  }

  /** The requests of the ticks that moved the canary weight from 10 to 50 ("Advance ... canary weight"). */
  private static List<List<String>> advancingTicks(SeedWorld w, List<List<String>> perTick) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < w.reports.size() && i < perTick.size(); i++) {
      boolean advance = w.reports.get(i).events().stream()
          .anyMatch(e -> e.message().matches("Advance podinfo.test canary weight [2-5]0"));
      if (advance) {
        out.add(perTick.get(i));
      }
    }
    return out;
  }
}
