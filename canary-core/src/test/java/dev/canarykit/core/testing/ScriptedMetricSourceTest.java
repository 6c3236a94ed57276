package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.port.MetricSourceContract;
import org.junit.jupiter.api.Test;

class ScriptedMetricSourceTest extends MetricSourceContract {
  private static final Canary C = ContractFixtures.canary();
  private static final MetricSpec M = ContractFixtures.SUCCESS_RATE;

  @Override
  protected Setup metricWithValue(double value) {
    return new Setup(new ScriptedMetricSource().fix(M.name(), value), C, M);
  }

  @Override
  protected Setup metricWithoutData() {
    return new Setup(new ScriptedMetricSource(), C, M);
  }

  @Override
  protected Setup unreachableProvider() {
    var source = new ScriptedMetricSource()
        .fix(M.name(), new Outcome.MetricError("dial tcp 127.0.0.1:1: connection refused", false))
        .probeAnswers(new Outcome.Failed("prometheus: connection refused"));
    return new Setup(source, C, M);
  }

  @Test
  void queuedResultsComeBeforeTheFixedOne() {
    var s = new ScriptedMetricSource().fix(M.name(), 99.9).queue(M.name(), 10, 20);
    assertThat(s.query(C, M)).isEqualTo(new Outcome.MetricValue(10));
    assertThat(s.query(C, M)).isEqualTo(new Outcome.MetricValue(20));
    assertThat(s.query(C, M)).isEqualTo(new Outcome.MetricValue(99.9));
    assertThat(s.count(M.name())).isEqualTo(3);
  }

  @Test
  void aFunctionSeesTheMetric() {
    var s = new ScriptedMetricSource().answer(M.name(), m -> new Outcome.NoData(m.intervalOrDefault()));
    assertThat(s.query(C, M)).isEqualTo(new Outcome.NoData("1m"));
  }

  @Test
  void defaultsToNoData() {
    assertThat(new ScriptedMetricSource().query(C, M)).isEqualTo(ScriptedMetricSource.NO_DATA);
  }
}
