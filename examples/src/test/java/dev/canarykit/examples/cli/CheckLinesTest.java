package dev.canarykit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Number, bound and verdict formatting of {@code check}, independent of the default locale. */
class CheckLinesTest {
  static MetricSpec legacy(String name, Double threshold, String query) {
    return new MetricSpec(name, null, null, threshold, null, Map.of(), query);
  }

  @Test
  void numbersHaveTwoDecimalsWithADotWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(CheckLines.number(97)).isEqualTo("97.00");
      assertThat(CheckLines.number(99.149)).isEqualTo("99.15");
      assertThat(CheckLines.number(1234567.891)).isEqualTo("1234567.89");
      assertThat(CheckLines.number(-0.004)).isEqualTo("-0.00");
      assertThat(CheckLines.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
      assertThat(CheckLines.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void boundsFollowTheAnalysisComparison() {
    assertThat(CheckLines.bounds(MetricSpec.of("request-success-rate", ThresholdRange.atLeast(99), null)))
        .isEqualTo("[99.00,+Inf]");
    assertThat(CheckLines.bounds(MetricSpec.of("request-duration", new ThresholdRange(null, null), null)))
        .isEqualTo("[-Inf,+Inf]");
    assertThat(CheckLines.bounds(legacy("request-success-rate", 99.0, null))).isEqualTo("[99.00,+Inf]");
    assertThat(CheckLines.bounds(legacy("request-duration", null, null))).isEqualTo("[-Inf,0.00]");
    assertThat(CheckLines.bounds(legacy("request-success-rate", 5.0, "vector(1)"))).isEqualTo("[-Inf,5.00]");
  }

  @Test
  void theDurationVerdictUsesWholeMillisecondsButPrintsTheRawValue() {
    MetricSpec duration = MetricSpec.of("request-duration", ThresholdRange.atMost(500), null);
    assertThat(CheckLines.verdict(duration, new Outcome.MetricValue(500.7)))
        .isEqualTo(new CheckLines.Verdict("PASS request-duration 500.70 [-Inf,500.00]", true));
    assertThat(CheckLines.verdict(duration, new Outcome.MetricValue(501)))
        .isEqualTo(new CheckLines.Verdict("FAIL request-duration 501.00 [-Inf,500.00]", false));
  }

  @Test
  void noDataAndErrorsFailWithTheirMessageOnOneLine() {
    MetricSpec m = MetricSpec.of("request-success-rate", ThresholdRange.atLeast(99), null);
    assertThat(CheckLines.verdict(m, new Outcome.NoData("no values found")))
        .isEqualTo(new CheckLines.Verdict("NODATA request-success-rate no values found", false));
    assertThat(CheckLines.verdict(m, new Outcome.MetricError("bad\n  query\r\nhere ", true)))
        .isEqualTo(new CheckLines.Verdict("ERROR request-success-rate bad query here", false));
  }
}
