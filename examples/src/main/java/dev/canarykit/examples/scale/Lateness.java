package dev.canarykit.examples.scale;

import dev.canarykit.k8s.controller.ControllerListener;
import java.time.Duration;
import java.util.Arrays;

/** Every tick's lateness since the last {@link #reset()}, as the controller reports it. */
final class Lateness implements ControllerListener {
  private long[] nanos = new long[1 << 16];
  private int size;

  @Override
  public synchronized void tickStarted(String namespace, String name, Duration lateness, Duration interval) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = lateness.toNanos();
  }

  synchronized void reset() {
    size = 0;
  }

  /** Ticks started since the last reset. */
  synchronized int ticks() {
    return size;
  }

  /** p50, p99 and max in milliseconds (0 without ticks). */
  synchronized double[] percentilesMillis() {
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    return new double[] {at(sorted, 0.50), at(sorted, 0.99), size == 0 ? 0 : sorted[size - 1] / 1e6};
  }

  private static double at(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
