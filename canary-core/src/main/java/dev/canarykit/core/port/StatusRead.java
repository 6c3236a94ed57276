package dev.canarykit.core.port;

import dev.canarykit.core.model.CanaryStatus;

/** The result of {@link StatusStore#read}. */
public sealed interface StatusRead {

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
