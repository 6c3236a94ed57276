package dev.canarykit.core.port;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;

/** Answers the analysis' metric checks (docs/flagger-compatibility.md §5). */
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
  Outcome.OkResult probe(Canary canary);

  /**
   * Counts what the primary and the canary served over the last {@code window}: requests, 5xx failures and
   * cumulative latency buckets per version, for the statistical judge. Sources that cannot count answer a failure
   * (the default), which the judge treats as an error verdict.
   *
   * @return {@link Outcome.Counts} or {@link Outcome.Failed}; never {@code null}
   */
  default Outcome.CountsResult counts(Canary canary, java.time.Duration window) {
    return new Outcome.Failed("this metric source cannot count requests per version");
  }
}
