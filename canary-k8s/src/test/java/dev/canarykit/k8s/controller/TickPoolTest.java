package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TickPoolTest {
  private TickPool pool;
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @AfterEach
  void shutDown() {
    release.countDown();
    pool.shutdownNow();
  }

  @Test
  void aTickWaitingInAPortCallGivesItsOnlyWorkerToTheTicksBehindIt() {
    pool = new TickPool(1, 4);
    pool.execute(this::blockInAPortCall);
    IntStream.range(0, 10).forEach(i -> pool.execute(() -> ran.add("t" + i)));
    await().atMost(Duration.ofSeconds(30)).until(() -> ran.size() == 10);
    assertThat(ran).containsExactly(IntStream.range(0, 10).mapToObj(i -> "t" + i).toArray(String[]::new));
    release.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() -> ran.contains("blocked"));
  }

  @Test
  void withoutPortCallThreadsAWaitingTickKeepsItsWorker() throws InterruptedException {
    pool = new TickPool(1, 0);
    CountDownLatch entered = new CountDownLatch(1);
    pool.execute(() -> {
      entered.countDown();
      blockInAPortCall();
    });
    pool.execute(() -> ran.add("next"));
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(200); // time for the next tick to start, were the worker free: it must not be
    assertThat(ran).isEmpty();
    release.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() -> ran.equals(List.of("blocked", "next")));
  }

  @Test
  void aTickThatThrowsIsCountedAndTheNextTicksStillRun() {
    DroppedFailures dropped = new DroppedFailures();
    pool = new TickPool(1, 0, dropped);
    pool.execute(() -> {
      throw new IllegalStateException("tick bug");
    });
    pool.execute(() -> ran.add("next"));
    await().atMost(Duration.ofSeconds(30)).until(() -> ran.equals(List.of("next")));
    assertThat(dropped.count()).isEqualTo(1);
  }

  @Test
  void ticksRunInOrderOfArrival() {
    pool = new TickPool(1, 0);
    IntStream.range(0, 50).forEach(i -> pool.execute(() -> ran.add(pool.portCalls().call(() -> "t" + i))));
    await().atMost(Duration.ofSeconds(30)).until(() -> ran.size() == 50);
    assertThat(ran).containsExactly(IntStream.range(0, 50).mapToObj(i -> "t" + i).toArray(String[]::new));
  }

  private void blockInAPortCall() {
    pool.portCalls().call(() -> {
      try {
        release.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
    ran.add("blocked");
  }
}
