package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.validation.InvalidCanaryException;
import dev.canarykit.core.validation.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryValidatorTest {

  @Test
  void seedPodinfoCanaryIsValid() {
    assertThat(Seed.podinfo().validate()).isEmpty();
    assertThat(Seed.podinfo().requireValid()).isEqualTo(Seed.podinfo());
  }

  @Test
  void missingSpecIsReported() {
    assertSingle(new Canary("podinfo", "test", null), "spec", null);
  }

  @Test
  void reportsEveryViolationAtOnceInDocumentOrder() {
    Canary bad = new Canary("Podinfo", "test", Seed.withAnalysis(a -> a
        .maxWeight(150)
        .stepWeights(List.of(10, 30, 20))
        .metrics(List.of(
            MetricSpec.of("request-success-rate", ThresholdRange.atLeast(99), "1m"),
            MetricSpec.of("error-rate", new ThresholdRange(5.0, 1.0), "1.5m")))
        .webhooks(List.of(WebhookSpec.builder("", "ftp://x").type("pre-rollot").retries(-1).build())))
        .spec());

    assertThat(bad.validate()).extracting(Violation::path).containsExactly(
        "metadata.name",
        "spec.analysis.maxWeight",
        "spec.analysis.stepWeights[2]",
        "spec.analysis.metrics[1].name",
        "spec.analysis.metrics[1].interval",
        "spec.analysis.metrics[1].thresholdRange.min",
        "spec.analysis.webhooks[0].name",
        "spec.analysis.webhooks[0].type",
        "spec.analysis.webhooks[0].url",
        "spec.analysis.webhooks[0].retries");
  }

  @Test
  void requireValidThrowsListingEveryViolation() {
    Canary bad = Seed.withAnalysis(a -> a.maxWeight(101).mirrorWeight(-1).interval("soon"));

    InvalidCanaryException e = catchThrowableOfType(InvalidCanaryException.class, bad::requireValid);

    assertThat(e.violations()).extracting(Violation::path).containsExactly(
        "spec.analysis.interval", "spec.analysis.maxWeight", "spec.analysis.mirrorWeight");
    assertThat(e.violations()).extracting(Violation::value).containsExactly("soon", 101, -1);
    assertThat(e).hasMessageContaining("podinfo.test").hasMessageContaining("3 violation(s)")
        .hasMessageContaining("spec.analysis.interval").hasMessageContaining("spec.analysis.maxWeight")
        .hasMessageContaining("spec.analysis.mirrorWeight");
  }

  @Test
  void violationToStringNamesPathMessageAndValue() {
    assertThat(new Violation("spec.service.port", 0, "must be between 1 and 65535"))
        .hasToString("spec.service.port: must be between 1 and 65535 (was 0)");
  }
}
