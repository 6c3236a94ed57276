package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code canarykit demo --scenario slow} end to end (about 2 minutes): the P99 check rolls 3.1.1 back. */
class DemoSlowTest {
  private static DemoRun run;

  @BeforeAll
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // a whole demo run: about 100 s alone, longer on a loaded machine
  static void runTheDemo() {
    run = DemoRun.inProcess("--scenario", "slow");
  }

  @Test
  void theReleaseIsRolledBackAtTheFailedChecksThreshold() {
    assertThat(run.events()).containsSubsequence(
        "Normal   New revision detected! Scaling up podinfo.test",
        "Normal   Starting canary analysis for podinfo.test",
        "Normal   Pre-rollout check acceptance-test passed",
        "Normal   Advance podinfo.test canary weight 10",
        "Warning  Rolling back podinfo.test failed checks threshold reached 5",
        "Warning  Canary failed! Scaling down podinfo.test");
    assertThat(run.events()).filteredOn(e -> e.matches(
        "Warning  Halt podinfo.test advancement request duration \\d+(\\.\\d+)?m?s > 500ms")).hasSize(5);
    assertThat(run.events()).noneMatch(e -> e.contains("Promotion completed"));
  }

  @Test
  void thePrimaryStaysOn310AndTheExitCodeSaysItMatched() {
    assertThat(run.out()).contains("  Final phase: Failed");
    assertThat(run.out()).anyMatch(l -> l.startsWith("  As expected for scenario slow")
        && l.contains("primary image stefanprodan/podinfo:3.1.0, canary replicas 0"));
    assertThat(run.code()).isZero();
  }
}
