package dev.canarykit.core.judge;

/**
 * Which traffic the judge compares, decided from the Canary's strategy before the first interval
 * ({@link JudgeConfig#forCanary}). Synthetic sources (the webhooks' load testers) never count, except under
 * {@link #SYNTHETIC} (Blue/Green, where they are all the canary serves) and {@link #POOLED}.
 */
public enum Comparison {
  /**
   * Both versions serve samples of the same population: a random split by weight (also per user under session
   * affinity), or copies of the primary's requests under mirroring. Relative tests compare the versions source by
   * source; budget tests judge the canary's traffic from non-synthetic sources.
   */
  SOURCES,
  /**
   * A/B testing: the canary serves a chosen segment, the primary everyone else. The populations differ, so there
   * are no relative tests; budget tests judge the canary's traffic from non-synthetic sources.
   */
  SEGMENT,
  /**
   * Blue/Green without mirroring: no user reaches the canary before promotion. No relative tests; budget tests
   * judge everything the canary serves (the load test), as Flagger's checks do.
   */
  SYNTHETIC,
  /** Every request counts, pooled over sources (canarykit before issue 17; {@code judge-compare: all}). */
  POOLED
}
