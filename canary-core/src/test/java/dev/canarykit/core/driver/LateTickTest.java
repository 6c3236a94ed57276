package dev.canarykit.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.testing.InMemoryStatusStore;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13, finding 2: a tick that outlives its controller (blocked in a port while the controller stopped or lost
 * its leadership, and another one moved the canary on) must not write: not its routes (the weight fell 40 -> 30),
 * not its events ("Advance" twice), not its status.
 */
class LateTickTest extends SeedPortsFixture {
  private final InMemoryStatusStore statuses = new InMemoryStatusStore();

  private CanaryDriver driver(WriteFence fence) {
    return driverOn(statuses).seed(1).fence(fence).build();
  }

  /** Ticks until the canary weight is {@code weight}. */
  private void advanceTo(CanaryDriver d, int weight) {
    for (int i = 0; i < 20 && router.canaryWeight() < weight; i++) {
      d.tick(canary);
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(router.canaryWeight()).isEqualTo(weight);
  }

  private void releaseAt20(CanaryDriver d) {
    d.tick(canary);
    workloads.setTargetRevision("podinfo:3.1.1");
    advanceTo(d, 20);
  }

  @Test
  void aTickWhoseFenceClosedDuringAReadWritesNothing() {
    WriteFence old = WriteFence.open();
    releaseAt20(driver(old));
    int eventsBefore = events.messages().size();
    metrics.answer("request-duration", closeFenceAndMoveOn(old));

    TickReport late = driver(old).tick(canary);

    assertThat(router.canaryWeight()).as("the newer weight stands").isEqualTo(40);
    assertThat(router.history()).extracting(Command.SetRoutes::canaryWeight).containsExactly(10, 20, 30, 40);
    var sinceBlocked = events.messages().subList(eventsBefore, events.messages().size());
    assertThat(sinceBlocked).as("only the new controller's events").hasSize(2)
        .allMatch(m -> m.matches(".*Advance podinfo.test canary weight [34]0"));
    assertThat(late.executions()).filteredOn(e -> e.command() instanceof Command.SetRoutes).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(new Outcome.Failed(WriteFence.CLOSED)));
    assertThat(late.written()).isFalse();
    assertThat(statuses.status(canary).canaryWeight()).isEqualTo(40);
    assertThat(late.problems()).anyMatch(p -> p.contains(WriteFence.CLOSED));
  }

  @Test
  void withoutAFenceTheLateRoutesAreStillRefusedBecauseTheyWereDecidedOnOlderOnes() {
    WriteFence never = WriteFence.open();
    releaseAt20(driver(never));
    metrics.answer("request-duration", moveOnTo40());

    TickReport late = driver(never).tick(canary);

    assertThat(router.canaryWeight()).isEqualTo(40);
    assertThat(late.executions()).filteredOn(e -> e.command() instanceof Command.SetRoutes)
        .singleElement().satisfies(e -> assertThat(((Outcome.Failed) e.outcome()).message())
            .contains("decided on 80/20, now 60/40"));
    assertThat(late.events()).noneMatch(e -> e.message().startsWith("Advance"));
  }

  @Test
  void aChangedStatusIsNotWrittenOnceTheFenceIsClosed() {
    WriteFence fence = WriteFence.open();
    CanaryDriver d = driver(fence);
    d.tick(canary);
    workloads.setTargetRevision("podinfo:3.1.1");
    advanceTo(d, 10);
    metrics.answer("request-duration", spec -> {
      fence.close();
      return new Outcome.MetricValue(800);
    });
    var before = statuses.status(canary);
    TickReport late = d.tick(canary);
    assertThat(late.finalStatus()).isNotEqualTo(late.startStatus());
    assertThat(late.persistence()).isEqualTo(TickReport.Persistence.FENCED);
    assertThat(statuses.status(canary)).isEqualTo(before);
  }

  @Test
  @Timeout(30)
  void closeWaitsForASideEffectAlreadyRunningAndRefusesLaterOnes() throws Exception {
    WriteFence fence = WriteFence.open();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread writer = new Thread(() -> fence.admit(() -> {
      entered.countDown();
      awaitQuietly(release);
      return null;
    }, () -> null));
    writer.start();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicBoolean closed = new AtomicBoolean();
    Thread closer = new Thread(() -> {
      fence.close();
      closed.set(true);
    });
    closer.start();
    closer.join(200);
    assertThat(closed).as("close() waits for the running side effect").isFalse();
    assertThat(fence.isOpen()).isFalse();
    assertThat(fence.admit(() -> "ran", () -> "refused")).isEqualTo("refused");
    release.countDown();
    closer.join(10_000);
    assertThat(closed).isTrue();
    assertThatCode(fence::close).doesNotThrowAnyException();
  }

  /**
   * A metric answer during which this controller's fence closes and another controller takes the canary from 20
   * to 40 (as a new controller did while the old tick was blocked).
   */
  private Function<MetricSpec, Outcome.MetricResult> closeFenceAndMoveOn(WriteFence old) {
    return spec -> {
      old.close();
      moveOnTo40().apply(spec);
      return new Outcome.MetricValue(120);
    };
  }

  private Function<MetricSpec, Outcome.MetricResult> moveOnTo40() {
    AtomicBoolean done = new AtomicBoolean();
    return spec -> {
      if (done.compareAndSet(false, true)) {
        metrics.fix("request-duration", 120);
        advanceTo(driver(WriteFence.open()), 40);
      }
      return new Outcome.MetricValue(120);
    };
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
