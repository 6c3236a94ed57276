package dev.canarykit.core.judge;

import java.util.Objects;

/**
 * What one source sent to each version in one interval.
 *
 * @param source where the requests came from
 * @param primary what the primary served to it
 * @param canary what the canary served to it
 */
public record SourceCounts(Source source, VersionCounts primary, VersionCounts canary) {
  public SourceCounts {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(primary, "primary == null");
    Objects.requireNonNull(canary, "canary == null");
  }

  /** Whether neither version served this source anything. */
  boolean isEmpty() {
    return primary.isNone() && canary.isNone();
  }
}
