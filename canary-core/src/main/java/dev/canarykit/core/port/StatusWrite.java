package dev.canarykit.core.port;

/** The result of {@link StatusStore#write}. */
public sealed interface StatusWrite {

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
