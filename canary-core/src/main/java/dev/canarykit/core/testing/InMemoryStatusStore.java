package dev.canarykit.core.testing;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canary statuses in memory with versions: each write or {@link #put} increments the canary's version, a write
 * with a stale version is a conflict. A canary never written reads as {@link CanaryStatus#initial()} at version
 * {@code "0"}. Conflicts and failures can be injected.
 */
public final class InMemoryStatusStore implements StatusStore {
  private final Map<String, Entry> entries = new HashMap<>();
  private final Failures conflicts = new Failures();
  private final Failures failures = new Failures();

  /** Sets a canary's status as someone else would, moving its version on. */
  public synchronized void put(Canary canary, CanaryStatus status) {
    Entry e = entry(canary.namespace(), canary.name());
    e.status = status;
    e.version++;
  }

  /** Moves a canary's version on without changing its status (an edit of its spec or metadata). */
  public synchronized void touch(Canary canary) {
    entry(canary.namespace(), canary.name()).version++;
  }

  /** Makes the next {@code n} writes conflict, writing nothing. */
  public synchronized void conflictNext(int n) {
    conflicts.failNext(n, "the object has been modified; please apply your changes to the latest version");
  }

  /** Makes the next {@code n} reads and writes fail with {@code message}. */
  public synchronized void failNext(int n, String message) {
    failures.failNext(n, message);
  }

  /** The canary's stored status. */
  public synchronized CanaryStatus status(Canary canary) {
    return entry(canary.namespace(), canary.name()).status;
  }

  /** Every status written by {@link #write} for the canary, in order. */
  public synchronized List<CanaryStatus> history(Canary canary) {
    return List.copyOf(entry(canary.namespace(), canary.name()).history);
  }

  @Override
  public synchronized StatusRead read(String namespace, String name) {
    String failure = failures.take().orElse(null);
    if (failure != null) {
      return new StatusRead.Failed(failure);
    }
    Entry e = entry(namespace, name);
    return new StatusRead.Current(e.status, Long.toString(e.version));
  }

  @Override
  public synchronized StatusWrite write(Canary canary, String expectedVersion, CanaryStatus status) {
    String failure = failures.take().orElse(null);
    if (failure != null) {
      return new StatusWrite.Failed(failure);
    }
    Entry e = entry(canary.namespace(), canary.name());
    String conflict = conflicts.take().orElse(null);
    if (conflict != null || !Long.toString(e.version).equals(expectedVersion)) {
      return new StatusWrite.Conflict(conflict != null ? conflict
          : "version is " + e.version + ", but the write expected " + expectedVersion);
    }
    e.status = status;
    e.version++;
    e.history.add(status);
    return new StatusWrite.Written(Long.toString(e.version));
  }

  private Entry entry(String namespace, String name) {
    return entries.computeIfAbsent(namespace + "/" + name, k -> new Entry());
  }

  private static final class Entry {
    CanaryStatus status = CanaryStatus.initial();
    long version;
    final List<CanaryStatus> history = new ArrayList<>();
  }
}
