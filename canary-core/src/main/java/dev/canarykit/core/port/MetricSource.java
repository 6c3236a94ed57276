package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;

/** Answers the analysis' metric checks (flagger-behaviour.md §5). */
public interface MetricSource {

  /**
   * Runs one metric of the canary's analysis at the current time, over the metric's window.
   *
   * @return a value, no data (an empty result or NaN), or an error; never {@code null}
   */
  Outcome.MetricResult query(Canary canary, MetricSpec metric);

  /**
   * Checks that every metric provider the canary uses answers (§5.6: {@code vector(1)} must return 1).
   *
   * @return {@link Outcome#OK} or {@link Outcome.Failed} naming the provider and the error
   */
  Outcome probe(Canary canary);
}
