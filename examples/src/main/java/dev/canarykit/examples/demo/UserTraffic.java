package dev.canarykit.examples.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** Steady user traffic through the ingress gateway: {@code GET /} at a fixed rate, counted per version served. */
final class UserTraffic implements AutoCloseable {
  private final Mesh mesh;
  private final String app;
  private final int ratePerSecond;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Daemons.named("users"));
  private final ExecutorService senders = Executors.newCachedThreadPool(Daemons.named("user"));
  private final Map<String, LongAdder> served = new ConcurrentHashMap<>();

  /** Traffic for {@code app} at {@code ratePerSecond} requests per second once started. */
  public UserTraffic(Mesh mesh, String app, int ratePerSecond) {
    this.mesh = mesh;
    this.app = app;
    this.ratePerSecond = ratePerSecond;
  }

  /** Starts sending. */
  public UserTraffic start() {
    timer.scheduleAtFixedRate(() -> senders.execute(this::one), 0, 1_000_000 / ratePerSecond,
        TimeUnit.MICROSECONDS);
    return this;
  }

  private void one() {
    Mesh.Response r = mesh.gateway(app, "GET", "/", null);
    String key = (r.version() == null ? "none" : r.version()) + " " + r.status();
    served.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** Requests answered so far per {@code "<version> <status>"}. */
  public Map<String, Long> served() {
    Map<String, Long> out = new TreeMap<>();
    served.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    senders.shutdownNow();
  }
}
