package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.k8s.workload.Fixtures;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, finding 2: a tick of controller A is blocked in a metric query when A stops (or loses its lease);
 * controller B takes over and advances 20 -> 30 -> 40; then A's tick wakes up. Before the fix it wrote its 30 %
 * routes over B's 40 % and emitted "Advance ... 30" a second time. Now it writes nothing.
 */
@EnableKubernetesMockClient(crud = true)
class LateTickTest {
  KubernetesClient client;

  /**
   * {@code stop()} interrupts its ticks, and the driver starts nothing in an interrupted tick; a port that
   * swallows the interrupt ({@code restoresInterrupt} false) leaves only the fence to stop the late tick.
   */
  @ParameterizedTest(name = "the blocked port restores the interrupt: {0}")
  @ValueSource(booleans = {true, false})
  void aTickStillRunningWhenItsControllerStopsWritesNothingAfterStopReturns(boolean restoresInterrupt)
      throws Exception {
    SeedWorld w = new SeedWorld(client);
    BlockingMetrics blocking = new BlockingMetrics(w.metrics, restoresInterrupt);
    List<TickReport> ofA = new CopyOnWriteArrayList<>();
    CanaryController a = CanaryController.create(client,
        w.config(x -> Duration.ofMillis(300)).metrics(blocking).onTick(r -> {
          ofA.add(r);
          stepUntil(w, 20);
        }).build()).start();
    try {
      releaseTo20(w);
      blocking.blockNextQuery();
      w.clock.advance(Duration.ofMinutes(1));
      await().atMost(Duration.ofSeconds(30)).until(blocking::blocked);
      int ticksOfA = ofA.size();
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(a::stop);
      await().atMost(Duration.ofSeconds(30)).until(() -> !a.isLeading());
      bTakesOverThenTheLateTickWritesNothing(w, blocking, ofA, ticksOfA, stopping);
    } finally {
      blocking.release();
      a.close();
    }
  }

  @Test
  void aTickStillRunningWhenItsControllerLosesTheLeaseWritesNothing() throws Exception {
    SeedWorld w = new SeedWorld(client);
    BlockingMetrics blocking = new BlockingMetrics(w.metrics, true);
    List<TickReport> ofA = new CopyOnWriteArrayList<>();
    LeaderElection lease = new LeaderElection("test", "canarykit-leader", "a", Duration.ofSeconds(15),
        Duration.ofSeconds(10), Duration.ofMillis(500));
    CanaryController a = CanaryController.create(client, w.config(x -> Duration.ofMillis(300)).metrics(blocking)
        .leaderElection(lease).onTick(r -> {
          ofA.add(r);
          stepUntil(w, 20);
        }).build()).start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(a::isLeading);
      releaseTo20(w);
      blocking.blockNextQuery();
      w.clock.advance(Duration.ofMinutes(1));
      await().atMost(Duration.ofSeconds(30)).until(blocking::blocked);
      int ticksOfA = ofA.size();
      takeTheLease("b");
      await().atMost(Duration.ofSeconds(60)).until(() -> !a.isLeading());
      bTakesOverThenTheLateTickWritesNothing(w, blocking, ofA, ticksOfA, CompletableFuture.completedFuture(null));
    } finally {
      blocking.release();
      a.close();
    }
  }

  /**
   * Controller B takes over and advances the canary to 40 %, and stops; then A's blocked tick is released. Once
   * {@code stopOfA} has returned (done already where A did not stop) and the late tick has reported (the reports
   * of A after its first {@code ticksOfA}), nothing was written: no routes, no Event, no status.
   */
  private void bTakesOverThenTheLateTickWritesNothing(SeedWorld w, BlockingMetrics blocking, List<TickReport> ofA,
      int ticksOfA, Future<?> stopOfA) throws Exception {
    try (CanaryController b = CanaryController.create(client, w.config(x -> Duration.ofMillis(300))
        .onTick(r -> stepUntil(w, 40)).build()).start()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        w.rollOut();
        return w.router.canaryWeight() == 40;
      });
      b.stop();
      int routesBefore = w.router.history().size();
      int eventsBefore = w.messages().size();
      String statusBefore = w.canary().getMetadata().getResourceVersion();
      blocking.release();
      stopOfA.get();
      await().atMost(Duration.ofSeconds(30)).until(() -> ofA.size() > ticksOfA);

      assertThat(w.router.history()).hasSize(routesBefore);
      assertThat(w.router.canaryWeight()).isEqualTo(40);
      assertThat(w.messages()).hasSize(eventsBefore);
      assertThat(Collections.frequency(w.messages(), "Advance podinfo.test canary weight 30")).isEqualTo(1);
      assertWeightsNeverFell(w);
      assertStatusNotWritten(w, statusBefore, ofA.subList(ticksOfA, ofA.size()));
    }
  }

  /**
   * Lets the next analysis step come (the clock moves an interval) only while the canary weight is below
   * {@code weight}: the controller then holds the canary there, so a test polling for that weight cannot miss it.
   */
  private static void stepUntil(SeedWorld w, int weight) {
    if (w.router.canaryWeight() < weight) {
      w.clock.advance(Duration.ofMinutes(1));
    }
  }

  /** Seed release up to 20 % with healthy metrics; A holds it there until the test moves the clock. */
  private static void releaseTo20(SeedWorld w) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      w.rollOut();
      return w.phase() == Phase.INITIALIZED;
    });
    Fixtures.setImage(w.client, SeedWorld.NS, "podinfo", "stefanprodan/podinfo:3.1.1");
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      w.rollOut();
      return w.router.canaryWeight() == 20;
    });
  }

  /**
   * Another holder takes the Lease, as a replica does once this one failed to renew it. The edit is guarded by the
   * version it read, and the holder renews every 500 ms: a renewal in between is a conflict, so take it again.
   */
  private void takeTheLease(String holder) {
    await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(LateTickTest::conflict).until(() -> {
      client.leases().inNamespace("test").withName("canarykit-leader").edit(l -> {
        l.getSpec().setHolderIdentity(holder);
        l.getSpec().setAcquireTime(ZonedDateTime.now());
        l.getSpec().setRenewTime(ZonedDateTime.now());
        l.getSpec().setLeaseDurationSeconds(60);
        return l;
      });
      return true;
    });
  }

  private static boolean conflict(Throwable e) {
    return e instanceof io.fabric8.kubernetes.client.KubernetesClientException k && k.getCode() == 409;
  }

  /** The late tick's status stayed unwritten by the fence, not only because its version check would conflict. */
  private static void assertStatusNotWritten(SeedWorld w, String versionBefore, List<TickReport> late) {
    assertThat(w.canary().getMetadata().getResourceVersion()).as("the Canary's version").isEqualTo(versionBefore);
    assertThat(late).as("the late tick's report").singleElement()
        .satisfies(r -> assertThat(r.persistence()).isEqualTo(TickReport.Persistence.FENCED));
  }

  private static void assertWeightsNeverFell(SeedWorld w) {
    List<Integer> weights = w.router.history().stream().map(Command.SetRoutes::canaryWeight).toList();
    assertThat(weights).isSorted();
  }

  /**
   * A metric source whose next query, once armed, waits (ignoring interrupts) until released, then sets the
   * thread's interrupt flag again if it was interrupted and {@code restoresInterrupt}.
   */
  private static final class BlockingMetrics implements MetricSource {
    private final MetricSource delegate;
    private final boolean restoresInterrupt;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    BlockingMetrics(MetricSource delegate, boolean restoresInterrupt) {
      this.delegate = delegate;
      this.restoresInterrupt = restoresInterrupt;
    }

    void blockNextQuery() {
      armed.set(true);
    }

    boolean blocked() {
      return entered.getCount() == 0;
    }

    void release() {
      released.countDown();
    }

    @Override
    public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
      if (armed.compareAndSet(true, false)) {
        entered.countDown();
        boolean interrupted = false;
        while (released.getCount() > 0) {
          try {
            released.await();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted && restoresInterrupt) {
          Thread.currentThread().interrupt();
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
