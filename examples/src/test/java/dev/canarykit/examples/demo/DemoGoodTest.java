package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code canarykit demo --scenario good} end to end (about 2 minutes): embedded cluster, simulated mesh, real
 * Prometheus, the real controller and adapters.
 */
class DemoGoodTest {
  @TempDir
  static Path dump;

  private static DemoRun run;

  @BeforeAll
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // a whole demo run: about 100 s alone, longer on a loaded machine
  static void runTheDemo() {
    run = DemoRun.inProcess("--scenario", "good", "--dump", dump.toString());
  }

  @Test
  void theReleaseIsPromotedAndTheExitCodeSaysItMatched() {
    assertThat(run.out()).contains("  Final phase: Succeeded");
    assertThat(run.out()).anyMatch(l -> l.startsWith("  As expected for scenario good")
        && l.contains("primary image stefanprodan/podinfo:3.1.1"));
    assertThat(run.code()).isZero();
  }

  @Test
  void theEventsContainTheSeedsFullSequenceInOrder() {
    assertThat(run.events()).containsSubsequence(DemoRun.expectedEventsFull());
  }

  @Test
  void everyOtherLineIsIndentedByTwoSpaces() {
    assertThat(run.out()).filteredOn(l -> !l.isEmpty() && !run.events().contains(l)).allMatch(l -> l.startsWith("  "));
  }

  @Test
  void theRewrittenDurationsArePrinted() {
    assertThat(run.out()).contains("    analysis.interval: 1m -> 10s", "    analysis.metrics[1].interval: 30s -> 5s",
        "    analysis.webhooks[1].metadata.cmd: hey -z 1m -q 10 -c 2 http://podinfo-canary.test:9898/ -> "
            + "hey -z 10s -q 10 -c 2 http://podinfo-canary.test:9898/");
  }

  @Test
  void theSummaryShowsWeightsAndMetricValuesPerTick() {
    assertThat(run.out()).anyMatch(l -> l.matches("    t\\+ *\\d+s  Progressing +weight  50%  request-success-rate "
        + "[0-9.]+  request-duration [0-9.]+"));
    assertThat(run.out()).anyMatch(l -> l.startsWith("    3.1.1 200: "));
  }

  @Test
  void theDumpHoldsEveryObjectWithTheCanaryStatus() throws Exception {
    assertThat(dump.resolve("virtualservice-podinfo.yaml")).content().as("one cluster: owned by the Canary")
        .contains("ownerReferences:");
    assertThat(dump.resolve("deployment-podinfo-primary.yaml")).content().contains("stefanprodan/podinfo:3.1.1");
    assertThat(dump.resolve("horizontalpodautoscaler-podinfo-primary.yaml")).exists();
    assertThat(dump.resolve("gateway-public-gateway.yaml")).exists();
    assertThat(Files.readString(dump.resolve("canary-podinfo.yaml"))).contains("phase: \"Succeeded\"");
    try (var files = Files.list(dump)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("event"));
    }
  }
}
