package dev.canarykit.k8s.controller;

import dev.canarykit.core.driver.PortCalls;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs ticks in order of arrival with at most {@code workers} of them computing at once, and lets a tick that waits
 * on I/O give its worker to the next one. Every port call of a tick goes through {@link #portCalls()}: a call that
 * is still running after {@link #YIELD_AFTER} is taken to be waiting on I/O, and its tick's worker slot passes to
 * another tick (a waiting tick after the call, else the next queued tick, on a thread of its own) until the call
 * returns; the tick then waits for a slot again, ahead of ticks that have not started. Calls answered from memory
 * (informer caches) never reach the threshold and cost no hand-over, so the pool grows by exactly the ticks that
 * wait on I/O: threads = {@code workers} + ticks in slow port calls, at most {@code workers + portCallThreads}.
 * Beyond that many waiting ticks a slow call keeps its slot, as a plain fixed pool would.
 *
 * <p>Ticks keep one thread from start to end, so a thread interrupt (a tick deadline, a stopping controller) and
 * the tick's fence reach the call it is in, and every port stays blocking.
 */
final class TickPool {
  /** How long a port call may run before its tick's worker slot goes to another tick. */
  static final Duration YIELD_AFTER = Duration.ofMillis(2);
  private static final ThreadLocal<Slot> SLOT = new ThreadLocal<>();

  private final int portCallThreads;
  private final ExecutorService threads;
  private final ScheduledThreadPoolExecutor alarms;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private final ArrayDeque<Slot> resuming = new ArrayDeque<>();
  private final PortCalls portCalls = new Calls();
  private final DroppedFailures dropped;
  private int free;
  private int yielded;
  private boolean closed;

  TickPool(int workers, int portCallThreads) {
    this(workers, portCallThreads, new DroppedFailures());
  }

  /** A pool that counts and logs, in {@code dropped}, what a tick throws. */
  TickPool(int workers, int portCallThreads, DroppedFailures dropped) {
    this.dropped = dropped;
    this.free = workers;
    this.portCallThreads = portCallThreads;
    AtomicInteger n = new AtomicInteger();
    this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        daemon(() -> "canarykit-worker-" + n.incrementAndGet()));
    this.alarms = new ScheduledThreadPoolExecutor(1, daemon(() -> "canarykit-port-watch"));
    alarms.setRemoveOnCancelPolicy(true);
  }

  /** The port calls of this pool's ticks; outside a tick of this pool it calls directly. */
  PortCalls portCalls() {
    return portCalls;
  }

  /**
   * Queues {@code tick}; it runs once a worker slot is free and the ticks before it have started.
   *
   * @throws RejectedExecutionException after {@link #shutdownNow()}
   */
  void execute(Runnable tick) {
    synchronized (this) {
      if (closed) {
        throw new RejectedExecutionException("the tick pool is shut down");
      }
      queue.add(tick);
      if (free == 0 || !resuming.isEmpty()) {
        return;
      }
      free--;
    }
    startRunner();
  }

  /** Ticks queued and not started (for tests and metrics). */
  synchronized int queued() {
    return queue.size();
  }

  /** Stops taking ticks, drops the queued ones and interrupts the running ones. */
  void shutdownNow() {
    synchronized (this) {
      closed = true;
      queue.clear();
    }
    alarms.shutdownNow();
    threads.shutdownNow();
  }

  /** Waits for running ticks to end; whether they did within {@code timeout}. */
  boolean awaitTermination(Duration timeout) throws InterruptedException {
    return threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts a thread that holds one slot and runs queued ticks while there are any. */
  private void startRunner() {
    try {
      threads.execute(this::runQueued);
    } catch (RejectedExecutionException e) {
      passSlot();
    }
  }

  private void runQueued() {
    boolean holding = true;
    try {
      Runnable tick;
      while ((tick = next()) != null) {
        run(tick);
      }
      holding = false;
    } finally {
      if (holding) {
        passSlot();
      }
    }
  }

  private void run(Runnable tick) {
    SLOT.set(new Slot());
    try {
      tick.run();
    } catch (RuntimeException e) {
      // a tick reports its own failures, so this is a bug; the runner must go on and pass its slot on
      dropped.record("a tick on the worker pool", e);
    } finally {
      SLOT.remove();
    }
  }

  /** The next queued tick for the slot this thread holds, or {@code null} after passing the slot on. */
  private synchronized Runnable next() {
    if (!resuming.isEmpty() || queue.isEmpty() || closed) {
      passSlotLocked();
      return null;
    }
    return queue.poll();
  }

  private synchronized void passSlot() {
    passSlotLocked();
  }

  /** Gives a free slot to the oldest waiting tick, else marks it free; queued ticks get it through a runner. */
  private void passSlotLocked() {
    Slot waiting = resuming.poll();
    if (waiting != null) {
      waiting.grant();
    } else {
      free++;
    }
  }

  /** Hands a slot that a tick gave up to whoever needs it: a tick waiting after its call, else a queued tick. */
  private void handOver() {
    boolean runner;
    synchronized (this) {
      Slot waiting = resuming.poll();
      if (waiting != null) {
        waiting.grant();
        return;
      }
      runner = !queue.isEmpty() && !closed;
      if (!runner) {
        free++;
      }
    }
    if (runner) {
      startRunner();
    }
  }

  /** Takes a slot again after a call that gave its slot up, waiting behind earlier such ticks. */
  private void reacquire(Slot slot) {
    synchronized (this) {
      yielded--;
      if (free > 0 && resuming.isEmpty()) {
        free--;
        return;
      }
      resuming.add(slot);
    }
    slot.awaitGrant();
  }

  private synchronized void unYield() {
    yielded--;
  }

  private synchronized boolean mayYield() {
    if (yielded >= portCallThreads || closed) {
      return false;
    }
    yielded++;
    return true;
  }

  /** The worker slot of one running tick, and whether a port call gave it up. */
  private final class Slot {
    private int depth;
    private boolean released;
    private boolean granted;
    private ScheduledFuture<?> alarm;

    /** A port call starts; past {@link #YIELD_AFTER} the slot goes to another tick. Nested calls count once. */
    synchronized void enterCall() {
      if (depth++ > 0) {
        return;
      }
      try {
        alarm = alarms.schedule(this::yieldSlot, YIELD_AFTER.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        alarm = null;
      }
    }

    /** The port call returned; when it gave the slot up, wait for one again. */
    void exitCall() {
      boolean mustReacquire;
      synchronized (this) {
        if (--depth > 0) {
          return;
        }
        if (alarm != null) {
          alarm.cancel(false);
          alarm = null;
        }
        mustReacquire = released;
        released = false;
        granted = false;
      }
      if (mustReacquire) {
        reacquire(this);
      }
    }

    /** Runs on the alarm thread; never holds this slot's lock and the pool's at once. */
    private void yieldSlot() {
      synchronized (this) {
        if (depth == 0 || released) {
          return;
        }
      }
      if (!mayYield()) {
        return;
      }
      boolean stillInCall;
      synchronized (this) {
        stillInCall = depth > 0 && !released;
        released = stillInCall;
      }
      if (stillInCall) {
        handOver();
      } else {
        unYield();
      }
    }

    synchronized void grant() {
      granted = true;
      notifyAll();
    }

    /** Waits for {@link #grant()}; an interrupt does not end the wait (the tick must hold a slot) but is kept. */
    synchronized void awaitGrant() {
      boolean interrupted = false;
      while (!granted) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Port calls that give the tick's slot up while they wait. */
  private final class Calls implements PortCalls {
    @Override
    public <T> T call(Supplier<T> portCall) {
      Slot slot = SLOT.get();
      if (slot == null) {
        return portCall.get();
      }
      slot.enterCall();
      try {
        return portCall.get();
      } finally {
        slot.exitCall();
      }
    }
  }

  private static ThreadFactory daemon(Supplier<String> name) {
    return r -> {
      Thread t = new Thread(r, name.get());
      t.setDaemon(true);
      return t;
    };
  }
}
