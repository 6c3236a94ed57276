package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.canarykit.core.judge.Action;
import dev.canarykit.core.judge.Comparison;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.validation.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** canarykit's options as annotations on an unchanged Flagger Canary. */
class CanarykitAnnotationsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode seedWith(String annotations) throws Exception {
    String seed = SeedCanaryTest.SEED.replace("  namespace: test\n", "  namespace: test\n  annotations:\n"
        + annotations);
    return YAML.readTree(seed);
  }

  @Test
  void aPlainFlaggerCanaryHasNoJudge() throws Exception {
    Canary c = FlaggerDocuments.toCanary(YAML.readTree(SeedCanaryTest.SEED));
    assertThat(c.spec().judge()).isNull();
    assertThat(c.spec().gateTimeout()).isNull();
  }

  @Test
  void theJudgeIsEnabledByAnnotationWithBudgetsFromTheSeedsThresholds() throws Exception {
    Canary c = FlaggerDocuments.toCanary(seedWith("    canarykit.dev/judge: enabled\n"
        + "    canarykit.dev/judge-alpha: \"0.01\"\n    canarykit.dev/judge-on-horizon: rollback\n"
        + "    canarykit.dev/gate-timeout: 45m\n"));
    assertThat(c.spec().judge().alpha()).isEqualTo(0.01);
    assertThat(c.spec().judge().errorBudget()).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(c.spec().judge().latencyThresholdMs()).isEqualTo(500);
    assertThat(c.spec().judge().onHorizon()).isEqualTo(Action.ROLLBACK);
    assertThat(c.spec().gateTimeout()).isEqualTo(Duration.ofMinutes(45));
    assertThat(FlaggerDocuments.check(seedWith("    canarykit.dev/judge: enabled\n")).violations()).isEmpty();
  }

  @Test
  void badOptionsAreViolationsWithTheirAnnotationPath() throws Exception {
    DocumentCheck check = FlaggerDocuments.check(seedWith("    canarykit.dev/judge: enabled\n"
        + "    canarykit.dev/judge-alpha: \"1.5\"\n    canarykit.dev/judge-horizon-intervals: \"2.5\"\n"
        + "    canarykit.dev/gate-timeout: soon\n"));
    assertThat(check.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
        "metadata.annotations.canarykit.dev/gate-timeout", "metadata.annotations.canarykit.dev/judge-alpha",
        "metadata.annotations.canarykit.dev/judge-horizon-intervals");
    assertThat(check.violations()).anySatisfy(v -> {
      assertThat(v.value()).isEqualTo("1.5");
      assertThat(v.message()).isEqualTo("must be a number between 0 and 1 (exclusive)");
    });
  }

  /** Issue 17: like with like by default, the seed's load tester left out; every choice can be changed. */
  @Test
  void theComparisonWarmupAndClusterBoundAreAnnotations() throws Exception {
    JudgeConfig defaults = FlaggerDocuments.toCanary(seedWith("    canarykit.dev/judge: enabled\n")).spec().judge();
    assertThat(defaults.comparison()).isEqualTo(Comparison.SOURCES);
    assertThat(defaults.syntheticSources()).containsExactly("flagger-loadtester");
    assertThat(defaults.warmupIntervals()).isEqualTo(1);
    assertThat(defaults.failureClusterMean()).isEqualTo(10);
    JudgeConfig c = FlaggerDocuments.toCanary(seedWith("    canarykit.dev/judge: enabled\n"
        + "    canarykit.dev/judge-compare: all\n"
        + "    canarykit.dev/judge-synthetic-sources: \"loadgen, perf/k6\"\n"
        + "    canarykit.dev/judge-warmup: 3m\n    canarykit.dev/judge-failure-cluster-mean: \"1\"\n")).spec().judge();
    assertThat(c.comparison()).isEqualTo(Comparison.POOLED);
    assertThat(c.syntheticSources()).containsExactly("loadgen", "perf/k6");
    assertThat(c.warmupIntervals()).isEqualTo(3);
    assertThat(c.failureClusterMean()).isEqualTo(1);
  }

  @Test
  void badComparisonOptionsAreViolationsWithTheirAnnotationPath() throws Exception {
    DocumentCheck check = FlaggerDocuments.check(seedWith("    canarykit.dev/judge: enabled\n"
        + "    canarykit.dev/judge-compare: some\n    canarykit.dev/judge-synthetic-sources: \"ok,Not_A_Name\"\n"
        + "    canarykit.dev/judge-warmup: -1m\n    canarykit.dev/judge-failure-cluster-mean: \"0.5\"\n"));
    assertThat(check.violations()).extracting(Violation::path, Violation::message).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("metadata.annotations.canarykit.dev/judge-compare",
            "must be sources or all"),
        org.assertj.core.groups.Tuple.tuple("metadata.annotations.canarykit.dev/judge-synthetic-sources",
            "must be comma-separated workload names or namespace/name, but \"Not_A_Name\" is not one"),
        org.assertj.core.groups.Tuple.tuple("metadata.annotations.canarykit.dev/judge-warmup",
            "must be a Go duration such as 1m (0s for none)"),
        org.assertj.core.groups.Tuple.tuple("metadata.annotations.canarykit.dev/judge-failure-cluster-mean",
            "must be a number from 1 to 1000"));
  }

  @Test
  void anUnknownJudgeModeIsAViolation() throws Exception {
    DocumentCheck check = FlaggerDocuments.check(seedWith("    canarykit.dev/judge: maybe\n"));
    assertThat(check.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("metadata.annotations.canarykit.dev/judge");
      assertThat(v.message()).isEqualTo("must be enabled or disabled");
    });
  }
}
