package dev.canarykit.core.driver;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Read-your-writes over a {@link StatusStore} whose reads may lag (an informer cache): per canary it remembers the
 * version this driver last wrote or read with {@link StatusStore#readLatest}, and trusts {@link StatusStore#read}
 * only when it answers with exactly that version. Any other answer (a version it never confirmed: the cache is
 * behind one of its writes, someone else wrote, or the driver is new) is replaced by a {@code readLatest}. So a
 * tick always starts from a status at least as new as the last one this driver wrote, and an idle canary whose
 * cache is current costs no extra read.
 */
final class StatusReads {
  private final StatusStore store;
  private final PortCalls portCalls;
  private final Map<String, String> confirmed = new ConcurrentHashMap<>();

  StatusReads(StatusStore store, PortCalls portCalls) {
    this.store = store;
    this.portCalls = portCalls;
  }

  /** The status to decide from. */
  StatusRead read(Canary canary) {
    StatusRead read = guard(() -> store.read(canary.namespace(), canary.name()));
    if (!(read instanceof StatusRead.Current c) || c.version().equals(confirmed.get(key(canary)))) {
      return read;
    }
    StatusRead latest = guard(() -> store.readLatest(canary.namespace(), canary.name()));
    if (latest instanceof StatusRead.Current l) {
      confirmed.put(key(canary), l.version());
    }
    return latest;
  }

  /** Remembers what a write returned; after a conflict or failure the next read goes to the source of truth. */
  void wrote(Canary canary, StatusWrite result) {
    if (result instanceof StatusWrite.Written w) {
      confirmed.put(key(canary), w.version());
    } else {
      confirmed.remove(key(canary));
    }
  }

  private StatusRead guard(Supplier<StatusRead> call) {
    try {
      return Objects.requireNonNull(portCalls.call(call), "no result");
    } catch (RuntimeException e) {
      return new StatusRead.Failed(CommandExecutor.message(e));
    }
  }

  private static String key(Canary canary) {
    return canary.namespace() + "/" + canary.name();
  }
}
