package dev.canarykit.core.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses, from one interval's per-source counts, what the judge's tests see (the same code in production and in
 * the simulator): the strata of the relative tests, one per source that may be compared, and the canary traffic of
 * the budget tests. See {@link Comparison} for the rules.
 *
 * @param strata the relative tests' strata (empty when the comparison has no relative tests)
 * @param primary what the primary served the same sources (for provenance)
 * @param canary what the budget tests judge
 */
public record CountSelection(List<SourceCounts> strata, VersionCounts primary, VersionCounts canary) {
  public CountSelection {
    strata = List.copyOf(strata);
  }

  /** The selection {@code config} makes from {@code counts}. */
  public static CountSelection of(JudgeConfig config, IntervalCounts counts) {
    Comparison mode = config.comparison();
    if (mode == Comparison.POOLED) {
      SourceCounts all = new SourceCounts(Source.UNKNOWN, counts.primary(), counts.canary());
      return new CountSelection(List.of(all), all.primary(), all.canary());
    }
    List<SourceCounts> users = new ArrayList<>();
    for (SourceCounts s : counts.sources()) {
      if (!config.isSynthetic(s.source())) {
        users.add(s);
      }
    }
    List<SourceCounts> judged = mode == Comparison.SYNTHETIC ? counts.sources() : users;
    return new CountSelection(mode == Comparison.SOURCES ? users : List.of(), IntervalCounts.sum(judged, true),
        IntervalCounts.sum(judged, false));
  }

  /** Whether the canary served nothing the tests may judge: no evidence (no data). */
  public boolean isEmpty() {
    return canary.requestCount() == 0;
  }
}
