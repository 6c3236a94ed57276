package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 20 canaries on 2 workers, one of whose ticks blocks inside a port: the other 19 keep ticking, and the blocked
 * canary never queues a second tick behind its first.
 */
@EnableKubernetesMockClient(crud = true)
class NoStarvationTest {
  private static final int OTHERS = 19;
  private static final int TICKS = 4;
  KubernetesClient client;

  /** The seed metrics, except that probing the canary "slow" blocks until released. */
  private static MetricSource slowFor(MetricSource metrics, CountDownLatch release, AtomicInteger entered) {
    return new MetricSource() {
      @Override
      public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
        return metrics.query(canary, metric);
      }

      @Override
      public Outcome.OkResult probe(Canary canary) {
        if (canary.name().equals("slow")) {
          entered.incrementAndGet();
          try {
            release.await(2, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return metrics.probe(canary);
      }
    };
  }

  @Test
  void aBlockedCanaryHoldsOneWorkerAndStarvesNoOther() {
    SeedWorld w = new SeedWorld(client);
    client.resource(Canaries.seed(client)).delete();
    List<String> names = IntStream.range(0, OTHERS).mapToObj(i -> "c" + i).toList();
    for (String name : names) {
      CanaryResource r = Canaries.seed(client);
      r.getMetadata().setName(name);
      client.resource(r).create();
    }
    CanaryResource slow = Canaries.seed(client);
    slow.getMetadata().setName("slow");
    client.resource(slow).create();
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger entered = new AtomicInteger();
    List<TickReport> ticks = new CopyOnWriteArrayList<>();
    var config = w.config(x -> Duration.ofSeconds(1)).metrics(slowFor(w.metrics, release, entered)).workers(2)
        .onTick(ticks::add).build();
    try (CanaryController c = CanaryController.create(client, config)) {
      c.start();
      try {
        await().atMost(Duration.ofSeconds(120)).until(() -> names.stream().allMatch(n -> count(ticks, n) >= TICKS));
        assertThat(entered).hasValue(1);
        assertThat(count(ticks, "slow")).isZero();
      } finally {
        release.countDown();
      }
    }
  }

  private static long count(List<TickReport> ticks, String name) {
    return ticks.stream().filter(t -> t.canary().name().equals(name)).count();
  }
}
