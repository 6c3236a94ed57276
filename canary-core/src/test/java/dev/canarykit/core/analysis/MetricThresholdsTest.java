package dev.canarykit.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.ThresholdRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricThresholdsTest {
  private static final List<MetricSpec> METRICS = List.of(
      MetricSpec.of(MetricSpec.REQUEST_SUCCESS_RATE, ThresholdRange.atLeast(99), "1m"),
      MetricSpec.of(MetricSpec.REQUEST_DURATION, ThresholdRange.atMost(500), "1m"),
      new MetricSpec(MetricSpec.REQUEST_SUCCESS_RATE, null, null, 99.0, null, Map.of(), null),
      new MetricSpec(MetricSpec.REQUEST_DURATION, null, null, 500.0, null, Map.of(), null),
      new MetricSpec("custom", null, null, 2.0, null, Map.of(), "q"),
      new MetricSpec("unset", null, null, null, null, Map.of(), "q"),
      new MetricSpec("range", null, new ThresholdRange(1.0, 2.0), null, null, Map.of(), "q"));

  @Test
  void theRangeHoldsExactlyThePassingValues() {
    for (MetricSpec m : METRICS) {
      ThresholdRange r = MetricThresholds.range(m);
      boolean duration = m.name().equals(MetricSpec.REQUEST_DURATION);
      for (double v = -1; v <= 1000; v += 0.25) {
        double compared = duration ? Math.floor(v) : v;
        boolean inRange = (r.min() == null || compared >= r.min()) && (r.max() == null || compared <= r.max());
        assertThat(MetricThresholds.passes(m, v)).as(m.name() + " at " + v).isEqualTo(inRange);
      }
    }
  }

  @Test
  void failuresUseFlaggersWords() {
    assertThat(MetricThresholds.failure(METRICS.get(0), 98.5)).hasValue("success rate 98.50% < 99%");
    assertThat(MetricThresholds.failure(METRICS.get(1), 812.4)).hasValue("request duration 812ms > 500ms");
    assertThat(MetricThresholds.failure(METRICS.get(1), 499)).isEmpty();
  }
}
