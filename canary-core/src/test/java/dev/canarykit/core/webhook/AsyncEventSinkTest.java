package dev.canarykit.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.testing.InMemoryStatusStore;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.LogCapture;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.testing.ScriptedMetricSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncEventSinkTest {
  private static final Canary CANARY = WebhookFixtures.CANARY;
  private final BlockingReceiver receiver = new BlockingReceiver();

  /** Blocks on the first event until released; records everything with the status it came with. */
  static final class BlockingReceiver implements EventSink {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> received = new ArrayList<>();
    final List<CanaryStatus> statuses = new ArrayList<>();

    @Override
    public void event(Canary canary, CanaryStatus status, CanaryEvent event) {
      entered.countDown();
      try {
        if (!release.await(5, TimeUnit.MINUTES)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
      synchronized (this) {
        received.add(event.message());
        statuses.add(status);
      }
    }

    @Override
    public synchronized void alert(Canary canary, Alert alert) {
      received.add("alert: " + alert.message());
    }

    synchronized List<String> received() {
      return List.copyOf(received);
    }
  }

  private AsyncEventSink sink(int capacity) {
    return AsyncEventSink.builder(receiver).capacity(capacity).build();
  }

  private void blockTheWorker(AsyncEventSink sink) throws InterruptedException {
    sink.event(CANARY, CanaryEvent.info("first"));
    assertThat(receiver.entered.await(1, TimeUnit.MINUTES)).as("the worker took the first event").isTrue();
  }

  @Test
  void aTickCompletesWhileTheReceiverIsBlocked() throws InterruptedException {
    AsyncEventSink sink = sink(100);
    blockTheWorker(sink);
    CanaryDriver driver = CanaryDriver.builder().workloads(new InMemoryWorkloadStore())
        .router(new InMemoryTrafficRouter()).metrics(new ScriptedMetricSource()).webhooks(new InMemoryWebhookClient())
        .statuses(new InMemoryStatusStore()).clock(ManualClock.ofDefaults()).events(sink).build();

    TickReport report = driver.tick(CANARY);

    List<String> published = report.events().stream().map(CanaryEvent::message).toList();
    assertThat(published).isNotEmpty();
    assertThat(receiver.received()).isEmpty();
    receiver.release.countDown();
    assertThat(sink.close(Duration.ofSeconds(30))).isTrue();
    List<String> expected = new ArrayList<>(List.of("first"));
    expected.addAll(published);
    report.alerts().forEach(a -> expected.add("alert: " + a.message()));
    assertThat(receiver.received()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(receiver.received().subList(0, published.size() + 1)).containsExactlyElementsOf(
        expected.subList(0, published.size() + 1));
    assertThat(receiver.statuses.subList(1, receiver.statuses.size())).containsOnly(report.startStatus());
  }

  @Test
  void aFullQueueDropsTheOldestAndCountsIt() throws InterruptedException {
    AsyncEventSink sink = sink(2);
    blockTheWorker(sink);
    sink.event(CANARY, CanaryEvent.info("second"));
    sink.alert(CANARY, new Alert(Severity.WARN, "third", Map.of()));
    sink.event(CANARY, CanaryEvent.warning("fourth"));
    assertThat(sink.dropped()).isEqualTo(1);
    assertThat(sink.pending()).isEqualTo(2);
    receiver.release.countDown();
    assertThat(sink.close(Duration.ofSeconds(30))).isTrue();
    assertThat(receiver.received()).containsExactly("first", "alert: third", "fourth");
  }

  @Test
  void afterCloseItemsAreDroppedAndCounted() {
    AsyncEventSink sink = sink(10);
    receiver.release.countDown();
    assertThat(sink.close(Duration.ofSeconds(30))).isTrue();
    sink.event(CANARY, CanaryEvent.info("late"));
    assertThat(sink.dropped()).isEqualTo(1);
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void closeGivesUpOnAReceiverThatStaysBlocked() throws InterruptedException {
    AsyncEventSink sink = sink(10);
    blockTheWorker(sink);
    sink.event(CANARY, CanaryEvent.info("second"));
    assertThat(sink.close(Duration.ofMillis(1))).isFalse();
    // The interrupted worker still fails and logs both items; wait for it to end so that its records cannot reach
    // the log capture of a later test.
    assertThat(sink.close(Duration.ofMinutes(1))).as("the interrupted worker ended").isTrue();
  }

  @Test
  void withoutAHandlerAReceiverExceptionIsCountedAndLoggedOnce() {
    try (LogCapture log = LogCapture.of(AsyncEventSink.class)) {
      AsyncEventSink sink = AsyncEventSink.builder((canary, status, event) -> {
        throw new IllegalStateException("receiver down");
      }).build();
      sink.event(CANARY, CanaryEvent.info("bad"));
      assertThat(sink.close(Duration.ofSeconds(30))).isTrue();
      assertThat(sink.failures()).isEqualTo(1);
      assertThat(log.records()).singleElement().satisfies(r -> {
        assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(r.getThrown()).hasMessage("receiver down");
      });
    }
  }

  @Test
  void aHandlerThatThrowsIsCountedAndLoggedWithTheFailureItWasHanded() {
    try (LogCapture log = LogCapture.of(AsyncEventSink.class)) {
      AsyncEventSink sink = AsyncEventSink.builder((canary, status, event) -> {
        throw new IllegalStateException("receiver down");
      }).onFailure(e -> {
        throw new IllegalArgumentException("handler down");
      }).build();
      sink.event(CANARY, CanaryEvent.info("bad"));
      sink.event(CANARY, CanaryEvent.info("worse"));
      assertThat(sink.close(Duration.ofSeconds(30))).as("the worker survived the handler").isTrue();
      assertThat(sink.failures()).isEqualTo(2);
      assertThat(sink.handlerFailures()).isEqualTo(2);
      assertThat(log.records()).hasSize(2).allSatisfy(r -> {
        assertThat(r.getThrown()).hasMessage("handler down");
        assertThat(r.getThrown().getSuppressed()).extracting(Throwable::getMessage).containsExactly("receiver down");
      });
    }
  }

  @Test
  void receiverExceptionsAreCountedAndTheWorkerCarriesOn() {
    List<String> seen = new ArrayList<>();
    List<RuntimeException> errors = new ArrayList<>();
    AsyncEventSink sink = AsyncEventSink.builder((canary, status, event) -> {
      if (event.message().equals("bad")) {
        throw new IllegalStateException("receiver down");
      }
      seen.add(event.message());
    }).onFailure(errors::add).build();
    sink.event(CANARY, CanaryEvent.info("bad"));
    sink.event(CANARY, CanaryEvent.info("good"));
    assertThat(sink.close(Duration.ofSeconds(30))).isTrue();
    assertThat(seen).containsExactly("good");
    assertThat(sink.failures()).isEqualTo(1);
    assertThat(errors).extracting(Throwable::getMessage).containsExactly("receiver down");
  }
}
