package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.k8s.workload.Fixtures;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 3: a port call that no deadline of its own ends (here a metric source that blocks) is ended by
 * the tick deadline, the rest of the tick does nothing, and the worker's next tick runs normally.
 */
@EnableKubernetesMockClient(crud = true)
class TickDeadlineTest {
  private static final Duration DEADLINE = Duration.ofSeconds(1);
  KubernetesClient client;

  @Test
  void aTickBlockedInAPortEndsAtItsDeadlineAndTheNextTickRunsNormally() throws Exception {
    SeedWorld w = new SeedWorld(client);
    Blocking metrics = new Blocking(w.metrics);
    List<TickReport> reports = new CopyOnWriteArrayList<>();
    AtomicLong reportedAt = new AtomicLong();
    var config = w.config(x -> Duration.ofMillis(300)).metrics(metrics).workers(1).tickTimeout(DEADLINE)
        .onTick(r -> {
          reports.add(r);
          reportedAt.set(System.nanoTime());
          w.clock.advance(Duration.ofMinutes(1));
        }).build();
    CanaryController c = CanaryController.create(client, config).start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        w.rollOut();
        return w.phase() == Phase.INITIALIZED;
      });
      Fixtures.setImage(client, SeedWorld.NS, "podinfo", "stefanprodan/podinfo:3.1.1");
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        w.rollOut();
        return w.router.canaryWeight() == 10;
      });
      metrics.blockNextQuery();
      assertThat(metrics.entered.await(60, TimeUnit.SECONDS)).isTrue();
      long blockedAt = System.nanoTime();
      int before = reports.size();

      await().atMost(Duration.ofSeconds(30)).until(() -> reports.size() > before);
      assertThat(Duration.ofNanos(reportedAt.get() - blockedAt)).isLessThan(DEADLINE.plusSeconds(5));
      TickReport cut = reports.get(before);
      assertThat(cut.outcomes()).contains(new Outcome.MetricError("interrupted", false));
      assertThat(cut.persistence()).isEqualTo(TickReport.Persistence.FENCED);
      assertThat(cut.problems()).anyMatch(p -> p.contains(CanaryDriver.INTERRUPTED));

      await().atMost(Duration.ofSeconds(60)).until(() -> {
        w.rollOut();
        return w.router.canaryWeight() == 20;
      });
    } finally {
      c.stop();
    }
  }

  /** A metric source whose next query, once armed, waits up to a minute (giving up when interrupted). */
  private static final class Blocking implements MetricSource {
    private final MetricSource delegate;
    private final AtomicBoolean armed = new AtomicBoolean();
    final CountDownLatch entered = new CountDownLatch(1);

    Blocking(MetricSource delegate) {
      this.delegate = delegate;
    }

    void blockNextQuery() {
      armed.set(true);
    }

    @Override
    public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
      if (armed.compareAndSet(true, false)) {
        entered.countDown();
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new Outcome.MetricError("interrupted", false);
        }
      }
      return delegate.query(canary, metric);
    }

    @Override
    public Outcome.OkResult probe(Canary canary) {
      return delegate.probe(canary);
    }
  }
}
