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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13, finding 3: a port call that no deadline of its own ends (here a metric source that blocks) is ended by
 * the tick deadline, the rest of the tick does nothing, and the worker's next tick runs normally.
 */
@EnableKubernetesMockClient(crud = true)
class TickDeadlineTest {
  /**
   * Long enough that an ordinary tick on a loaded machine (load 20 on 2 cores) is not cut as well, which would stall
   * the release the test waits for; the blocked query waits far longer.
   */
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  /** Bounds of the waits: a loaded machine runs the ticks up to the blocked one slowly. */
  private static final Duration WAIT = Duration.ofSeconds(150);
  KubernetesClient client;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aTickBlockedInAPortEndsAtItsDeadlineAndTheNextTickRunsNormally() throws Exception {
    SeedWorld w = new SeedWorld(client);
    Blocking metrics = new Blocking(w.metrics);
    List<TickReport> reports = new CopyOnWriteArrayList<>();
    var config = w.config(x -> Duration.ofMillis(300)).metrics(metrics).workers(1).tickTimeout(DEADLINE)
        .onTick(r -> {
          reports.add(r);
          w.clock.advance(Duration.ofMinutes(1));
        }).build();
    CanaryController c = CanaryController.create(client, config).start();
    try {
      await().atMost(WAIT).until(() -> {
        w.rollOut();
        return w.phase() == Phase.INITIALIZED;
      });
      Fixtures.setImage(client, SeedWorld.NS, "podinfo", "stefanprodan/podinfo:3.1.1");
      await().atMost(WAIT).until(() -> {
        w.rollOut();
        return w.router.canaryWeight() == 10;
      });
      metrics.blockNextQuery();
      assertThat(metrics.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      int before = reports.size();

      // the blocked query answers "interrupted" only when the deadline interrupts it, long before its own wait ends
      await().atMost(WAIT).until(() -> reports.size() > before);
      TickReport cut = reports.get(before);
      assertThat(cut.outcomes()).contains(new Outcome.MetricError("interrupted", false));
      assertThat(cut.persistence()).isEqualTo(TickReport.Persistence.FENCED);
      assertThat(cut.problems()).anyMatch(p -> p.contains(CanaryDriver.INTERRUPTED));

      await().atMost(WAIT).until(() -> {
        w.rollOut();
        return w.router.canaryWeight() == 20;
      });
    } finally {
      c.stop();
    }
  }

  /** A metric source whose next query, once armed, waits up to an hour (giving up when interrupted). */
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
          Thread.sleep(3_600_000);
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
