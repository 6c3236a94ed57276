package dev.canarykit.core.port;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;

/**
 * Persists Canary status with optimistic concurrency (docs/flagger-compatibility.md §2). The version token is opaque (a
 * Kubernetes {@code resourceVersion}); a write succeeds only when the stored version still equals the one read.
 */
public interface StatusStore {

  /**
   * Reads a Canary's status.
   *
   * @param namespace the Canary's namespace
   * @param name the Canary's name
   * @return the status and its version ({@link CanaryStatus#initial()} for a Canary without status yet), or
   *     {@link StatusRead.Failed}
   */
  StatusRead read(String namespace, String name);

  /**
   * Reads a Canary's status from the source of truth, bypassing any cache: the answer reflects every write that
   * completed before the call. The driver calls it when {@link #read} answers with a version other than the one
   * it last wrote or read this way, so a store whose {@link #read} may lag (an informer cache) must override it;
   * the default reads through {@link #read}, which suits stores without a cache.
   *
   * @return the status and its version, or {@link StatusRead.Failed}
   */
  default StatusRead readLatest(String namespace, String name) {
    return read(namespace, name);
  }

  /**
   * Replaces the Canary's status if its version is still {@code expectedVersion}.
   *
   * @return {@link StatusWrite.Written} with the new version, {@link StatusWrite.Conflict} when the version moved
   *     on (nothing is written), or {@link StatusWrite.Failed}
   */
  StatusWrite write(Canary canary, String expectedVersion, CanaryStatus status);

  /** The result of {@link StatusStore#read}. */
  sealed interface StatusRead {

    /**
     * The stored status.
     *
     * @param status the status
     * @param version the version token to pass to {@link StatusStore#write}
     */
    record Current(CanaryStatus status, String version) implements StatusRead {}

    /**
     * The status could not be read.
     *
     * @param message what went wrong
     */
    record Failed(String message) implements StatusRead {}
  }

  /** The result of {@link StatusStore#write}. */
  sealed interface StatusWrite {

    /**
     * The status was written.
     *
     * @param version the new version token
     */
    record Written(String version) implements StatusWrite {}

    /**
     * Someone else changed the Canary since it was read; nothing was written.
     *
     * @param message the store's words
     */
    record Conflict(String message) implements StatusWrite {}

    /**
     * The write failed for another reason; nothing was written.
     *
     * @param message what went wrong
     */
    record Failed(String message) implements StatusWrite {}
  }
}
