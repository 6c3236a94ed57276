package dev.canarykit.core.webhook;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.EventSink;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Takes events and alerts off the tick: each one is put on a bounded queue and handed to the delegate by one
 * worker thread, in order, so a slow receiver (a webhook, a chat service) never delays an analysis. Flagger
 * sends them inside the tick instead.
 *
 * <p><b>When the queue is full</b> the oldest waiting item is dropped to make room for the new one, and
 * {@link #dropped()} counts it: the newest news (a rollback, a promotion) is worth more than an old weight step.
 * After {@link #close()} nothing is accepted any more; such items are counted as dropped too.
 *
 * <p>An exception from the delegate is counted ({@link #failures()}), handed to the failure handler, and the
 * worker carries on. The default handler logs it at WARNING through {@link System.Logger} (logger
 * {@code dev.canarykit.core.webhook.AsyncEventSink}); a handler set with {@link Builder#onFailure} takes over
 * that job. A handler that throws is counted ({@link #handlerFailures()}) and logged the same way. This sink
 * itself never throws.
 */
public final class AsyncEventSink implements EventSink, AutoCloseable {
  /** The default queue capacity. */
  public static final int DEFAULT_CAPACITY = 1000;
  /** How long {@link #close()} waits for the queue to drain. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final System.Logger LOG = System.getLogger(AsyncEventSink.class.getName());

  private final EventSink delegate;
  private final DropOldestQueue queue;
  private final Consumer<RuntimeException> onFailure;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong handlerFailures = new AtomicLong();
  private final Thread worker;

  private AsyncEventSink(Builder b) {
    this.delegate = b.delegate;
    this.queue = new DropOldestQueue(b.capacity);
    this.onFailure = b.onFailure;
    this.worker = b.threads.newThread(this::drain);
    worker.start();
  }

  /**
   * Starts a builder.
   *
   * @param delegate receives everything on the worker thread
   */
  public static Builder builder(EventSink delegate) {
    return new Builder(delegate);
  }

  @Override
  public void event(Canary canary, CanaryStatus status, CanaryEvent event) {
    queue.offer(() -> delegate.event(canary, status, event));
  }

  @Override
  public void alert(Canary canary, Alert alert) {
    queue.offer(() -> delegate.alert(canary, alert));
  }

  /** How many items were dropped, because the queue was full or the sink closed. */
  public long dropped() {
    return queue.dropped();
  }

  /** How many items the delegate threw on. */
  public long failures() {
    return failures.get();
  }

  /** How many times the failure handler threw (each logged at WARNING). */
  public long handlerFailures() {
    return handlerFailures.get();
  }

  /** How many items wait in the queue (not counting the one being delivered). */
  public int pending() {
    return queue.size();
  }

  /** Closes with {@link #DEFAULT_CLOSE_TIMEOUT}. */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT);
  }

  /**
   * Stops accepting items and waits up to {@code timeout} for the worker to deliver what is queued. When the
   * time is up, the worker is interrupted and the rest is discarded (not counted).
   *
   * @return whether everything queued was delivered
   */
  public boolean close(Duration timeout) {
    queue.close();
    try {
      worker.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      worker.interrupt();
      return false;
    }
    return true;
  }

  private void drain() {
    try {
      for (Runnable item = queue.take(); item != null; item = queue.take()) {
        deliver(item);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Runnable item) {
    try {
      item.run();
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      try {
        onFailure.accept(e);
      } catch (RuntimeException h) {
        handlerFailures.incrementAndGet(); // a failing handler must not stop the worker
        h.addSuppressed(e);
        LOG.log(Level.WARNING, "the failure handler of the async event sink threw; the delivery failure it was"
            + " handed is attached as suppressed", h);
      }
    }
  }

  /** Builds an {@link AsyncEventSink}; {@link #build()} starts its worker thread. */
  public static final class Builder {
    private final EventSink delegate;
    private int capacity = DEFAULT_CAPACITY;
    private ThreadFactory threads = r -> {
      Thread t = new Thread(r, "canarykit-events");
      t.setDaemon(true);
      return t;
    };
    private Consumer<RuntimeException> onFailure =
        e -> LOG.log(Level.WARNING, "event or alert not delivered: the receiver threw", e);

    private Builder(EventSink delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate == null");
    }

    /**
     * The most items that may wait; default {@link #DEFAULT_CAPACITY}.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder capacity(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("capacity must be at least 1, but was " + v);
      }
      capacity = v;
      return this;
    }

    /** Makes the worker thread; default a daemon thread named {@code canarykit-events}. */
    public Builder threadFactory(ThreadFactory v) {
      threads = Objects.requireNonNull(v, "threadFactory == null");
      return this;
    }

    /** Told about each exception the delegate throws (instead of the default: a WARNING log with the trace). */
    public Builder onFailure(Consumer<RuntimeException> v) {
      onFailure = Objects.requireNonNull(v, "onFailure == null");
      return this;
    }

    /** The sink, with its worker running. */
    public AsyncEventSink build() {
      return new AsyncEventSink(this);
    }
  }
}
