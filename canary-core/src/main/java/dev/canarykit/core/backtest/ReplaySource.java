package dev.canarykit.core.backtest;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.backtest.History.Observation;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.MetricSource;
import java.time.Duration;

/**
 * Answers the analysis from the observation of the tick being replayed, so that every policy decides from the
 * same observations. The provider probe (initialization only) answers ok: it is no part of the release.
 */
final class ReplaySource implements MetricSource {
  private Observation current;

  void current(Observation observation) {
    current = observation;
  }

  @Override
  public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
    Outcome.MetricResult r = current == null ? null : current.metrics().get(metric.name());
    return r != null ? r : new Outcome.MetricError("metric " + metric.name() + " was not observed", false);
  }

  @Override
  public Outcome.OkResult probe(Canary canary) {
    return Outcome.OK;
  }

  @Override
  public Outcome.CountsResult counts(Canary canary, Duration window) {
    return current == null ? new Outcome.Failed("nothing observed yet") : current.counts();
  }
}
