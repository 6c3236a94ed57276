package dev.canarykit.core.backtest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A span of history in which a release happened, and optionally the team's verdict on it.
 *
 * @param name how reports name the release
 * @param start when the new revision was detected (the first tick of the replay)
 * @param end the last instant replayed, after {@code start}
 * @param label the team's verdict, or {@code null} when unlabelled
 * @since 0.1.0
 */
public record ReleaseWindow(String name, Instant start, Instant end, Label label) {

  /**
   * Checks the window.
   *
   * @throws IllegalArgumentException when the name is blank or {@code end} is not after {@code start}
   */
  public ReleaseWindow {
    Objects.requireNonNull(start, "start == null");
    Objects.requireNonNull(end, "end == null");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a release window needs a name");
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("release " + name + ": end " + end + " is not after start " + start);
    }
  }

  /** The team's verdict, if any. */
  public Optional<Label> verdict() {
    return Optional.ofNullable(label);
  }

  /** {@code <name> (<start> to <end>)}, as errors name a window. */
  public String describe() {
    return name + " (" + start + " to " + end + ")";
  }

  /** The team's verdict on a release. */
  public enum Label {
    /** The release was healthy: a policy should promote it. */
    GOOD("good"),
    /** The release was a regression: a policy should roll it back. */
    BAD("bad");

    private final String wireName;

    Label(String wireName) {
      this.wireName = wireName;
    }

    /** {@code good} or {@code bad}, as in the releases file. */
    public String wireName() {
      return wireName;
    }

    /** Parses {@code good} or {@code bad}. */
    public static Optional<Label> fromWire(String s) {
      for (Label l : values()) {
        if (l.wireName.equals(s)) {
          return Optional.of(l);
        }
      }
      return Optional.empty();
    }
  }
}
