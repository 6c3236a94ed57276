package dev.canarykit.examples.scale;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.k8s.controller.ControllerListener;
import java.time.Duration;
import java.util.function.Consumer;

/** The canaries the harness measures and what drives them: on the mock API server or on in-memory ports. */
interface Fleet extends AutoCloseable {
  /** Starts ticking every canary; each tick's lateness goes to {@code lateness}, its report to {@code onTick}. */
  void start(ControllerListener lateness, Consumer<TickReport> onTick) throws Exception;

  /** Gives the first {@code n} canaries a new revision of their target. */
  void release(int n);

  /** Requests made to the Kubernetes API so far, or -1 when there is none. */
  long apiRequests();

  /** Requests of {@link #apiRequests} that write (every method but GET), or -1 when there is no API. */
  default long apiWrites() {
    return -1;
  }

  /** CPU the mock API server used so far ({@link Duration#ZERO} without one). */
  Duration serverCpu();

  /** Whose cost a figure that waits on Kubernetes includes ({@link Report}). */
  String whose();

  @Override
  void close();
}
