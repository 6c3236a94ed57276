package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.canarykit.core.judge.Action;
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

  @Test
  void anUnknownJudgeModeIsAViolation() throws Exception {
    DocumentCheck check = FlaggerDocuments.check(seedWith("    canarykit.dev/judge: maybe\n"));
    assertThat(check.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("metadata.annotations.canarykit.dev/judge");
      assertThat(v.message()).isEqualTo("must be enabled or disabled");
    });
  }
}
