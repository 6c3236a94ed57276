package dev.canarykit.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MetricSource} must do. Extend it and implement the three setups; each returns a source, a
 * canary and one of its metrics arranged so that the query has the stated answer.
 */
public abstract class MetricSourceContract {

  /**
   * A source, a canary and a metric to query.
   *
   * @param source the source under test
   * @param canary the canary whose analysis holds {@code metric}
   * @param metric the metric to query
   */
  public record Setup(MetricSource source, Canary canary, MetricSpec metric) {
    /** Runs the query. */
    Outcome.MetricResult query() {
      return source.query(canary, metric);
    }
  }

  /** A metric whose query answers {@code value}. */
  protected abstract Setup metricWithValue(double value);

  /** A metric whose query answers an empty result. */
  protected abstract Setup metricWithoutData();

  /** A metric whose provider cannot be reached. */
  protected abstract Setup unreachableProvider();

  @Test
  void answersAValue() {
    assertThat(metricWithValue(99.5).query()).isEqualTo(new Outcome.MetricValue(99.5));
  }

  @Test
  void answersZero() {
    assertThat(metricWithValue(0).query()).isEqualTo(new Outcome.MetricValue(0));
  }

  @Test
  void answersNoDataForAnEmptyResult() {
    assertThat(metricWithoutData().query()).isInstanceOf(Outcome.NoData.class);
  }

  @Test
  void answersAnErrorForAnUnreachableProvider() {
    Outcome.MetricResult r = unreachableProvider().query();
    assertThat(r).isInstanceOf(Outcome.MetricError.class);
    assertThat(((Outcome.MetricError) r).message()).isNotBlank();
  }

  @Test
  void probeSucceedsWhenTheProviderAnswers() {
    Setup s = metricWithValue(1);
    assertThat(s.source().probe(s.canary())).isEqualTo(Outcome.OK);
  }

  @Test
  void probeFailsWhenTheProviderIsUnreachable() {
    Setup s = unreachableProvider();
    Outcome o = s.source().probe(s.canary());
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) o).message()).isNotBlank();
  }
}
