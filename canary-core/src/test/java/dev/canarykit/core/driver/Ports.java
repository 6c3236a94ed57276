package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
import dev.canarykit.core.port.WorkloadStore;
import java.lang.reflect.Proxy;
import java.util.List;

/** Port implementations for driver tests. */
final class Ports {
  private Ports() {}

  /** An implementation of {@code port} whose every method throws {@code new IllegalStateException(message)}. */
  static <T> T throwing(Class<T> port, String message) {
    Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (p, m, args) -> {
      if (m.getDeclaringClass() == Object.class) {
        return m.getName().equals("toString") ? "throwing " + port.getSimpleName() : null;
      }
      throw new IllegalStateException(message);
    });
    return port.cast(proxy);
  }

  /** An implementation of {@code port} whose every method returns {@code null}. */
  static <T> T returningNull(Class<T> port) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (p, m, args) -> null));
  }

  /** A workload store whose readiness records {@code "<workload> <threshold> <deadline> <now>"} and is ready. */
  static WorkloadStore recordingReadiness(List<String> seen) {
    return WorkloadStore.class.cast(Proxy.newProxyInstance(WorkloadStore.class.getClassLoader(),
        new Class<?>[] {WorkloadStore.class}, (p, m, args) -> {
          if (!m.getName().equals("readiness")) {
            return Outcome.OK;
          }
          seen.add(args[1] + " " + args[2] + " " + args[3] + " " + args[4]);
          return Outcome.Readiness.READY;
        }));
  }

  /** A status store that reads from {@code delegate} and throws {@code message} on every write. */
  static StatusStore throwingOnWrite(StatusStore delegate, String message) {
    return new StatusStore() {
      @Override
      public StatusRead read(String namespace, String name) {
        return delegate.read(namespace, name);
      }

      @Override
      public StatusWrite write(Canary canary, String expectedVersion, CanaryStatus status) {
        throw new IllegalStateException(message);
      }
    };
  }
}
