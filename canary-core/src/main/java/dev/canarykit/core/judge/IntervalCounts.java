package dev.canarykit.core.judge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the primary and the canary served in the same interval (one analysis interval, windows tiling time), per
 * source. Sources that neither version served are dropped, and sources are kept in a fixed order, so equal
 * traffic gives equal values whatever order the counts arrived in.
 *
 * @param sources the counts of each source
 */
public record IntervalCounts(List<SourceCounts> sources) {
  public IntervalCounts {
    List<SourceCounts> kept = new ArrayList<>();
    for (SourceCounts s : sources) {
      if (!s.isEmpty()) {
        kept.add(s);
      }
    }
    kept.sort(Comparator.comparing(SourceCounts::source));
    sources = List.copyOf(kept);
  }

  /** Counts without source information (one {@link Source#UNKNOWN} source). */
  public IntervalCounts(VersionCounts primary, VersionCounts canary) {
    this(List.of(new SourceCounts(Source.UNKNOWN, primary, canary)));
  }

  /** Everything the primary served, over every source. */
  public VersionCounts primary() {
    return sum(sources, true);
  }

  /** Everything the canary served, over every source. */
  public VersionCounts canary() {
    return sum(sources, false);
  }

  static VersionCounts sum(List<SourceCounts> sources, boolean primary) {
    VersionCounts total = VersionCounts.NONE;
    for (SourceCounts s : sources) {
      total = total.plus(primary ? s.primary() : s.canary());
    }
    return total;
  }
}
