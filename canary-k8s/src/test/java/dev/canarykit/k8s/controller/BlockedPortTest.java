package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 200 canaries on 2 workers whose router answers every call after 20 ms (as a router reading the API server does),
 * with one canary's router call blocked for 30 intervals. The waits add up to about twice what two threads could
 * absorb if each tick held its worker while it waited; yet every other canary keeps its schedule, and the blocked
 * canary ticks again once its call returns.
 */
@EnableKubernetesMockClient(crud = true)
class BlockedPortTest {
  private static final int CANARIES = 200;
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final int BLOCKED_INTERVALS = 30;
  /** The mock server logs every request at INFO; 200 canaries make that most of the test's work. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");
  KubernetesClient client;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aCanaryBlockedInAPortDelaysNoOtherAndResumes() {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    SeedWorld w = new SeedWorld(client);
    client.resource(Canaries.seed(client)).delete();
    List<String> names = IntStream.range(0, CANARIES).mapToObj(i -> i == 0 ? "blocked" : "c" + i).toList();
    names.forEach(this::create);
    SlowRouter router = new SlowRouter(w.router);
    Lateness lateness = new Lateness();
    Map<String, AtomicInteger> ticks = new ConcurrentHashMap<>();
    var config = w.config(c -> INTERVAL).router(router).workers(2).controllerListener(lateness)
        .onTick(r -> count(ticks, r)).build();
    try (CanaryController c = CanaryController.create(client, config).start()) {
      assertThat(c.isLeading()).isTrue();
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        w.rollOut();
        return allInitialized(names);
      });

      router.block.set(true);
      await().atMost(Duration.ofMinutes(1)).until(() -> router.entered.getCount() == 0);
      long blockedAt = System.nanoTime();
      Map<String, Integer> before = snapshot(ticks);
      lateness.reset();
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
          .until(() -> System.nanoTime() - blockedAt >= INTERVAL.toNanos() * BLOCKED_INTERVALS);
      Map<String, Integer> during = snapshot(ticks);
      List<Long> late = lateness.othersMillis();

      assertThat(during.getOrDefault("blocked", 0)).isEqualTo(before.getOrDefault("blocked", 0));
      for (String name : names.subList(1, names.size())) {
        assertThat(during.getOrDefault(name, 0) - before.getOrDefault(name, 0))
            .as("ticks of %s while another canary's port was blocked", name)
            .isGreaterThanOrEqualTo(BLOCKED_INTERVALS / 2);
      }
      // No timed assertion (the machine may be loaded): the tick counts above are the check. A pool of two workers
      // with one held would give each other canary about 7 ticks in these 30 intervals (199 ticks of 20 ms per
      // round on one worker); the lateness is printed for the record, and measured by scripts/scale.sh.
      System.out.printf("BlockedPortTest: p50 %d ms, p99 %d ms lateness over %d ticks of the others%n",
          percentile(late, 0.5), percentile(late, 0.99), late.size());

      router.release.countDown();
      int blockedTicks = during.getOrDefault("blocked", 0);
      await().atMost(Duration.ofMinutes(1)).until(() -> ticks.get("blocked").get() >= blockedTicks + 2);
    } finally {
      router.release.countDown();
    }
  }

  private void create(String name) {
    CanaryResource r = Canaries.seed(client);
    r.getMetadata().setName(name);
    client.resource(r).create();
  }

  private boolean allInitialized(List<String> names) {
    return client.resources(CanaryResource.class).inNamespace(SeedWorld.NS).list().getItems().stream()
        .filter(r -> r.getStatus() != null && CanaryStatusMapping.toCore(r.getStatus()).phase() == Phase.INITIALIZED)
        .count() == names.size();
  }

  private static void count(Map<String, AtomicInteger> ticks, TickReport r) {
    ticks.computeIfAbsent(r.canary().name(), n -> new AtomicInteger()).incrementAndGet();
  }

  private static Map<String, Integer> snapshot(Map<String, AtomicInteger> ticks) {
    Map<String, Integer> out = new ConcurrentHashMap<>();
    ticks.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private static long percentile(List<Long> values, double p) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
  }

  /** Lateness of every tick except the blocked canary's. */
  private static final class Lateness implements ControllerListener {
    private final List<Long> millis = new ArrayList<>();

    @Override
    public synchronized void tickStarted(String namespace, String name, Duration lateness, Duration interval) {
      if (!name.equals("blocked")) {
        millis.add(lateness.toMillis());
      }
    }

    synchronized void reset() {
      millis.clear();
    }

    synchronized List<Long> othersMillis() {
      return List.copyOf(millis);
    }
  }

  /** Every reconcile takes 20 ms; once armed, the blocked canary's next reconcile waits until released. */
  private static final class SlowRouter implements TrafficRouter {
    final java.util.concurrent.atomic.AtomicBoolean block = new java.util.concurrent.atomic.AtomicBoolean();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final TrafficRouter delegate;
    private final AtomicLong calls = new AtomicLong();

    SlowRouter(TrafficRouter delegate) {
      this.delegate = delegate;
    }

    @Override
    public Outcome.OkResult reconcile(Canary canary) {
      calls.incrementAndGet();
      if (canary.name().equals("blocked") && block.get()) {
        entered.countDown();
        await(release, Duration.ofMinutes(5));
      } else {
        sleep(20);
      }
      return delegate.reconcile(canary);
    }

    @Override
    public Outcome.RoutesResult readRoutes(Canary canary) {
      return delegate.readRoutes(canary);
    }

    @Override
    public Outcome.OkResult setRoutes(Canary canary, Command.SetRoutes routes) {
      return delegate.setRoutes(canary, routes);
    }

    @Override
    public Outcome.OkResult revert(Canary canary) {
      return delegate.revert(canary);
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static void await(CountDownLatch latch, Duration atMost) {
      try {
        latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
