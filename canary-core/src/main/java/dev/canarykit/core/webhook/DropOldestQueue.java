package dev.canarykit.core.webhook;

import java.util.ArrayDeque;

/** A bounded FIFO that drops its oldest item when full, and that ends its taker once closed and empty. */
final class DropOldestQueue {
  private final ArrayDeque<Runnable> items = new ArrayDeque<>();
  private final int capacity;
  private long dropped;
  private boolean closed;

  DropOldestQueue(int capacity) {
    this.capacity = capacity;
  }

  /** Adds {@code item}, dropping the oldest when full; drops {@code item} itself once closed. */
  synchronized void offer(Runnable item) {
    if (closed) {
      dropped++;
      return;
    }
    if (items.size() >= capacity) {
      items.pollFirst();
      dropped++;
    }
    items.addLast(item);
    notifyAll();
  }

  /**
   * The oldest item, waiting for one.
   *
   * @return {@code null} once closed and empty
   */
  synchronized Runnable take() throws InterruptedException {
    while (items.isEmpty() && !closed) {
      wait();
    }
    return items.pollFirst();
  }

  /** Accepts nothing more; the taker ends after the last item. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  synchronized long dropped() {
    return dropped;
  }

  synchronized int size() {
    return items.size();
  }
}
