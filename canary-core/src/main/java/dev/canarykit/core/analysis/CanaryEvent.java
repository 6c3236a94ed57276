package dev.canarykit.core.analysis;

/**
 * An event on the Canary, with Flagger's exact text.
 *
 * @param level info (a Normal event), warning or error (both Warning events; error is logged as an error)
 * @param message the text
 */
public record CanaryEvent(Level level, String message) {

  /** A Normal event. */
  public static CanaryEvent info(String message) {
    return new CanaryEvent(Level.INFO, message);
  }

  /** A Warning event. */
  public static CanaryEvent warning(String message) {
    return new CanaryEvent(Level.WARNING, message);
  }

  /** A Warning event that is also an error. */
  public static CanaryEvent error(String message) {
    return new CanaryEvent(Level.ERROR, message);
  }

  /** The Kubernetes event type: {@code Normal} or {@code Warning}. */
  public String type() {
    return level == Level.INFO ? "Normal" : "Warning";
  }

  @Override
  public String toString() {
    return String.format("%-9s%s", type(), message);
  }

  /** Event levels. */
  public enum Level {
    INFO,
    WARNING,
    ERROR
  }
}
