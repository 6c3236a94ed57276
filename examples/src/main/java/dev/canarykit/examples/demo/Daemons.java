package dev.canarykit.examples.demo;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so that a demo that fails half-way never keeps the JVM alive. */
final class Daemons {
  private Daemons() {}

  static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "demo-" + prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
