package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.ThresholdRange;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same comparison as the analysis (§5.1, §5.4). */
class MetricComparisonTest {
  private static MetricSpec deprecated(String name, double threshold) {
    return new MetricSpec(name, "1m", null, threshold, null, Map.of(), null);
  }

  @Test
  void rangeBoundsAreInclusive() {
    MetricSpec m = MetricSpec.of("custom", new ThresholdRange(1.0, 2.0), "1m");
    assertThat(MetricComparison.passes(m, 1.0)).isTrue();
    assertThat(MetricComparison.passes(m, 2.0)).isTrue();
    assertThat(MetricComparison.passes(m, 0.99)).isFalse();
    assertThat(MetricComparison.passes(m, 2.01)).isFalse();
  }

  @Test
  void deprecatedThresholdIsAMinimumForSuccessRateAndAMaximumOtherwise() {
    assertThat(MetricComparison.passes(deprecated("request-success-rate", 99), 99.5)).isTrue();
    assertThat(MetricComparison.passes(deprecated("request-success-rate", 99), 98)).isFalse();
    assertThat(MetricComparison.passes(deprecated("request-duration", 500), 500.9)).isTrue();
    assertThat(MetricComparison.passes(deprecated("request-duration", 500), 501)).isFalse();
    assertThat(MetricComparison.passes(new MetricSpec("custom", null, null, null, null, null, "q"), 0.1)).isFalse();
  }

  @Test
  void durationIsTruncatedToWholeMilliseconds() {
    MetricSpec m = MetricSpec.of("request-duration", ThresholdRange.atMost(500), "1m");
    assertThat(MetricComparison.passes(m, 500.99)).isTrue();
    assertThat(MetricComparison.passes(m, 501.0)).isFalse();
    MetricSpec custom = MetricSpec.of("latency", ThresholdRange.atMost(500), "1m");
    assertThat(MetricComparison.passes(custom, 500.99)).isFalse();
  }
}
