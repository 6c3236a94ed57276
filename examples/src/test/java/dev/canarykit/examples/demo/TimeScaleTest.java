package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeScaleTest {

  @Test
  void theDefaultGivesATenSecondIntervalAndTenAndFiveSecondWindows() {
    assertThat(SeedManifests.check(new TimeScale(TimeScale.DEFAULT))).containsExactly(
        "progressDeadlineSeconds: 60 -> 10",
        "analysis.interval: 1m -> 10s",
        "analysis.metrics[0].interval: 1m -> 10s",
        "analysis.metrics[1].interval: 30s -> 5s",
        "analysis.webhooks[0].timeout: 30s -> 5s",
        "analysis.webhooks[1].timeout: 5s -> 834ms",
        "analysis.webhooks[1].metadata.cmd: hey -z 1m -q 10 -c 2 http://podinfo-canary.test:9898/ -> "
            + "hey -z 10s -q 10 -c 2 http://podinfo-canary.test:9898/");
  }

  @Test
  void windowsThatAreNotWholeSecondsAreWrittenInMilliseconds() {
    assertThat(SeedManifests.check(new TimeScale(4))).contains("analysis.interval: 1m -> 15s",
        "analysis.metrics[1].interval: 30s -> 7500ms");
  }

  @Test
  void oneKeepsTheSeedsDurations() {
    assertThat(SeedManifests.check(new TimeScale(1))).contains("analysis.interval: 1m -> 60s");
  }

  @Test
  void anIntervalUnderTenSecondsIsRejected() {
    assertThatThrownBy(() -> SeedManifests.check(new TimeScale(7)))
        .hasMessage("--time-scale 7 gives analysis.interval 8572ms, under the demo's minimum of 10s");
  }

  @Test
  void zeroAndNegativeFactorsAreRejected() {
    assertThatThrownBy(() -> SeedManifests.check(new TimeScale(0)))
        .hasMessage("--time-scale must be at least 1, but was 0");
  }

  @Test
  void theCommandRejectsABadScaleWithExitTwoBeforeStartingAnything() {
    DemoRun run = DemoRun.inProcess("--time-scale", "12");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains("  rejected: --time-scale 12 gives analysis.interval 5s, under the demo's "
        + "minimum of 10s");
  }

  /** {@code demo --judge}: the judge's annotation, with its horizon and warm-up scaled like the Canary. */
  @Test
  void theJudgeIsTurnedOnWithItsHorizonAndWarmupScaled() {
    var canary = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal(
        getClass().getResourceAsStream("/seed/podinfo-canary.yaml"),
        io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    @SuppressWarnings("unchecked")
    var spec = (java.util.Map<String, Object>) canary.getAdditionalProperties().get("spec");
    new TimeScale(6).rewrite(spec);
    assertThat(SeedManifests.judgeOn(canary, new TimeScale(6))).containsExactly(
        "metadata.annotations.canarykit.dev/judge: enabled",
        "metadata.annotations.canarykit.dev/judge-horizon-intervals: 30",
        "metadata.annotations.canarykit.dev/judge-warmup: 10s",
        "metadata.annotations.canarykit.dev/judge-failure-cluster-mean: 1");
    assertThat(canary.getMetadata().getAnnotations()).containsEntry("canarykit.dev/judge", "enabled");
  }
}
