package dev.canarykit.core.driver;

import java.util.function.Supplier;

/**
 * The right of a driver's ticks to act, which their owner can take back: a tick runs every side effect (a command
 * that changes something, an event, an alert, the status write) through the fence, and once {@link #close()} has
 * returned no side effect admitted by this fence is still running and none will start. A tick that outlives its
 * controller (it was blocked in a port while the controller stopped or lost its leadership) therefore cannot
 * write anything: its remaining commands fail with {@link #CLOSED} and its status is not written.
 *
 * <pre>{@code
 * WriteFence fence = WriteFence.open();
 * CanaryDriver driver = CanaryDriver.builder()...fence(fence).build();
 * ...
 * fence.close();   // from here on no tick of this driver writes
 * }</pre>
 *
 * <p>Reads are not held by the fence, so {@code close()} waits only for side effects already running, each bounded
 * by its port's deadline, never for a slow metric query.
 */
public final class WriteFence {
  /** The failure given to a side effect refused by a closed fence. */
  public static final String CLOSED = "not done: this tick's controller stopped or lost its leadership";

  private boolean open = true;
  private int running;

  private WriteFence() {}

  /** A fence that admits side effects until it is closed. */
  public static WriteFence open() {
    return new WriteFence();
  }

  /** Whether side effects are still admitted. */
  public synchronized boolean isOpen() {
    return open;
  }

  /**
   * Runs {@code sideEffect} if the fence is open, holding {@link #close()} until it returns.
   *
   * @return what {@code sideEffect} returned, or {@code whenClosed}'s value without running it
   */
  public <T> T admit(Supplier<T> sideEffect, Supplier<T> whenClosed) {
    if (!enter()) {
      return whenClosed.get();
    }
    try {
      return sideEffect.get();
    } finally {
      exit();
    }
  }

  /** Runs {@code sideEffect} if the fence is open, holding {@link #close()} until it returns; whether it ran. */
  public boolean admit(Runnable sideEffect) {
    return admit(() -> {
      sideEffect.run();
      return true;
    }, () -> false);
  }

  /**
   * Refuses every later side effect and waits until those running have returned. Closing twice is harmless. If
   * the waiting thread is interrupted, the fence stays closed, the method returns at once and the interrupt flag
   * is set again.
   */
  public synchronized void close() {
    open = false;
    try {
      while (running > 0) {
        wait();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized boolean enter() {
    if (open) {
      running++;
    }
    return open;
  }

  private synchronized void exit() {
    running--;
    if (running == 0) {
      notifyAll();
    }
  }
}
