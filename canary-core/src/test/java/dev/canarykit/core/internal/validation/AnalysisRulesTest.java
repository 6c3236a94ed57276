package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.validation.Violation;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalysisRulesTest {

  /**
   * No analysis means the analysis is skipped (as in Flagger), so the step-weight rule does not apply; an empty
   * analysis is analysed and, with no step weight, could never advance.
   */
  @Test
  void noAnalysisIsValidBecauseItSkipsTheAnalysis() {
    var none = Seed.withSpec(s -> s.analysis(null));
    assertValid(none);
    assertThat(none.spec().skipsAnalysis()).isTrue();
    assertSingle(Seed.withSpec(s -> s.analysis(AnalysisSpec.builder().build())), "spec.analysis.stepWeight", null);
    assertSingle(Seed.withSpec(s -> s.analysis(null).progressDeadlineSeconds(-1)), "spec.progressDeadlineSeconds", -1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1m", "30s", "5s", "1h", "90s", "1m30s", "1.5m"})
  void intervalMayBeAnyGoDurationAndShortOnesAreClamped(String interval) {
    assertValid(Seed.withAnalysis(a -> a.interval(interval)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1d", "one minute", "-", "60 s"})
  void unparsableIntervalIsRejected(String interval) {
    assertSingle(Seed.withAnalysis(a -> a.interval(interval)), "spec.analysis.interval", interval);
  }

  @Test
  void thresholdMustNotBeNegative() {
    assertSingle(Seed.withAnalysis(a -> a.threshold(-1)), "spec.analysis.threshold", -1);
    assertValid(Seed.withAnalysis(a -> a.threshold(0)));
  }

  @Test
  void percentagesMustBeBetween0And100() {
    assertPercent("maxWeight", a -> a.maxWeight(101), 101);
    assertPercent("maxWeight", a -> a.maxWeight(-1), -1);
    assertPercent("stepWeight", a -> a.stepWeight(101), 101);
    assertPercent("stepWeight", a -> a.stepWeight(-5), -5);
    assertPercent("stepWeightPromotion", a -> a.stepWeightPromotion(101), 101);
    assertPercent("mirrorWeight", a -> a.mirrorWeight(-1), -1);
    assertPercent("primaryReadyThreshold", a -> a.primaryReadyThreshold(101), 101);
    assertPercent("canaryReadyThreshold", a -> a.canaryReadyThreshold(-1), -1);
  }

  @Test
  void iterationsMustNotBeNegative() {
    assertSingle(Seed.withAnalysis(a -> a.iterations(-1)), "spec.analysis.iterations", -1);
  }

  @Test
  void stepWeightsMustNotBeNegativeButMayPass100AsInFlaggersScheduler() {
    assertValid(Seed.withAnalysis(a -> a.stepWeight(null).stepWeights(List.of(1, 2, 10, 200))));
    assertSingle(Seed.withAnalysis(a -> a.stepWeights(List.of(-1, 10))), "spec.analysis.stepWeights[0]", -1);
  }

  @Test
  void stepWeightsMustBeStrictlyAscendingReportedAtFirstBreak() {
    assertSingle(Seed.withAnalysis(a -> a.stepWeights(List.of(5, 10, 10, 5))), "spec.analysis.stepWeights[2]", 10);
    assertSingle(Seed.withAnalysis(a -> a.stepWeights(List.of(10, 20, 15, 50))), "spec.analysis.stepWeights[2]",
        15);
    assertValid(Seed.withAnalysis(a -> a.stepWeight(null).stepWeights(List.of(1, 2, 10, 20, 50, 80))));
  }

  @Test
  void canaryStrategyWithoutStepCanNeverAdvance() {
    Violation v = assertSingle(Seed.withAnalysis(a -> a.stepWeight(null)), "spec.analysis.stepWeight", null);
    assertThat(v.message()).contains("must be > 0").contains("never advance");
    assertSingle(Seed.withAnalysis(a -> a.stepWeight(0)), "spec.analysis.stepWeight", 0);
    assertSingle(Seed.withAnalysis(a -> a.stepWeight(0).stepWeights(List.of(0, 50))),
        "spec.analysis.stepWeights[0]", 0);
  }

  @Test
  void noStepIsFineOutsideTheCanaryStrategy() {
    assertValid(Seed.withAnalysis(a -> a.stepWeight(null).iterations(10)));
    assertValid(Seed.withAnalysis(a -> a.stepWeight(null).iterations(10).match(List.of(
        Map.of("headers", Map.of("x-canary", Map.of("exact", "insider")))))));
    assertValid(Seed.withSpec(s -> s.skipAnalysis(true)
        .analysis(Seed.analysis().toBuilder().stepWeight(null).build())));
    assertValid(Seed.withSpec(s -> s.provider("kubernetes")
        .analysis(Seed.analysis().toBuilder().stepWeight(null).build())));
  }

  @Test
  void matchWithoutIterationsIsAWeightedCanaryOnMatchedTraffic() {
    List<Map<String, Object>> match = List.of(Map.of("headers", Map.of("x-canary", Map.of("exact", "insider"))));
    assertValid(Seed.withAnalysis(a -> a.match(match)));
  }

  @Test
  void mirrorIsAllowedWithEveryStrategy() {
    assertValid(Seed.withAnalysis(a -> a.mirror(true).mirrorWeight(50)));
    assertValid(Seed.withAnalysis(a -> a.mirror(true).iterations(10)));
  }

  private static void assertPercent(String field, UnaryOperator<AnalysisSpec.Builder> change, int value) {
    assertSingle(Seed.withAnalysis(change), "spec.analysis." + field, value);
  }
}
