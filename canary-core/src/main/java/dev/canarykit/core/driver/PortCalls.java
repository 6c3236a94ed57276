package dev.canarykit.core.driver;

import java.util.function.Supplier;

/**
 * Runs each call a tick makes to a port: the status read and write, every command, and every event and alert
 * handed to the sink. The driver never calls a port any other way, so an owner that runs many canaries' ticks on
 * a few threads can let another tick compute while this one waits on I/O (the controller's tick pool does).
 *
 * <pre>{@code
 * CanaryDriver driver = CanaryDriver.builder()...portCalls(new PortCalls() {
 *   public <T> T call(Supplier<T> portCall) {
 *     long start = System.nanoTime();
 *     try { return portCall.get(); } finally { record(System.nanoTime() - start); }
 *   }
 * }).build();
 * }</pre>
 */
public interface PortCalls {
  /** Calls the port on the tick's own thread, and nothing else. */
  PortCalls DIRECT = new PortCalls() {
    @Override
    public <T> T call(Supplier<T> portCall) {
      return portCall.get();
    }
  };

  /**
   * Runs {@code portCall} on the calling thread (the tick's; a thread interrupt and the tick's fence must reach
   * the call) and returns what it returned or throws what it threw.
   */
  <T> T call(Supplier<T> portCall);
}
