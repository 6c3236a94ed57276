package dev.canarykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
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

  private static MetricSpec deprecated(String name, double threshold) {
    return new MetricSpec(name, "1m", null, threshold, null, Map.of(), null);
  }

  @Test
  void rangeBoundsAreInclusive() {
    MetricSpec m = MetricSpec.of("custom", new ThresholdRange(1.0, 2.0), "1m");
    assertThat(MetricThresholds.passes(m, 1.0)).isTrue();
    assertThat(MetricThresholds.passes(m, 2.0)).isTrue();
    assertThat(MetricThresholds.passes(m, 0.99)).isFalse();
    assertThat(MetricThresholds.passes(m, 2.01)).isFalse();
  }

  @Test
  void deprecatedThresholdIsAMinimumForSuccessRateAndAMaximumOtherwise() {
    assertThat(MetricThresholds.passes(deprecated("request-success-rate", 99), 99.5)).isTrue();
    assertThat(MetricThresholds.passes(deprecated("request-success-rate", 99), 98)).isFalse();
    assertThat(MetricThresholds.passes(deprecated("request-duration", 500), 500.9)).isTrue();
    assertThat(MetricThresholds.passes(deprecated("request-duration", 500), 501)).isFalse();
    assertThat(MetricThresholds.passes(new MetricSpec("custom", null, null, null, null, null, "q"), 0.1)).isFalse();
  }

  @Test
  void durationIsTruncatedToWholeMillisecondsForTheBuiltinOnly() {
    MetricSpec m = MetricSpec.of("request-duration", ThresholdRange.atMost(500), "1m");
    assertThat(MetricThresholds.passes(m, 500.99)).isTrue();
    assertThat(MetricThresholds.passes(m, 501.0)).isFalse();
    MetricSpec custom = MetricSpec.of("latency", ThresholdRange.atMost(500), "1m");
    assertThat(MetricThresholds.passes(custom, 500.99)).isFalse();
  }
}
