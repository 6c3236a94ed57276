package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Phase;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed release (examples/src/main/resources/seed: podinfo 3.1.0 to 3.1.1, success rate >= 99%, P99 <= 500 ms, 10%
 * steps to 50%) on the in-memory ports and a manual clock. This is the main job until the command line exists.
 */
class SeedReleaseTest {

  private static CanaryTestKit initialised() {
    CanaryTestKit kit = CanaryTestKit.forCanary(SeedCanary.canary());
    kit.tick();
    assertThat(kit.phase()).isEqualTo(Phase.INITIALIZED);
    kit.workloads().setTargetRevision("podinfo:3.1.1");
    return kit;
  }

  @Test
  void healthyMetricsPromoteWithFlaggersEvents() throws Exception {
    CanaryTestKit kit = initialised();
    kit.metrics().fix("request-success-rate", 100).fix("request-duration", 120);
    kit.tickUntil(Phase.SUCCEEDED, 20);
    assertThat(kit.events().messages()).containsExactlyElementsOf(SeedCanary.expectedEvents());
    assertThat(kit.workloads().primaryRevision()).isEqualTo("podinfo:3.1.1");
    assertThat(kit.workloads().targetReplicas()).isZero();
    print(kit);
  }

  @Test
  void aSlowCanaryIsRolledBackAfterFiveFailedChecks() {
    CanaryTestKit kit = initialised();
    kit.metrics().fix("request-success-rate", 100).fix("request-duration", 800);
    kit.tickUntil(Phase.FAILED, 20);
    List<String> messages = kit.events().messages();
    assertThat(Collections.frequency(messages,
        "Warning  Halt podinfo.test advancement request duration 800ms > 500ms")).isEqualTo(5);
    assertThat(messages).endsWith("Warning  Rolling back podinfo.test failed checks threshold reached 5",
        "Warning  Canary failed! Scaling down podinfo.test");
    assertThat(kit.workloads().primaryRevision()).as("primary untouched").isEqualTo("v1");
    assertThat(kit.workloads().promotions()).isZero();
    assertThat(kit.workloads().targetReplicas()).isZero();
    assertThat(kit.router().routes()).hasValueSatisfying(r -> assertThat(r.canaryWeight()).isZero());
    print(kit);
  }

  /** The event stream, as `kubectl describe` would list it; visible when the README's main job runs. */
  private static void print(CanaryTestKit kit) {
    System.out.println("--- seed release: " + kit.phase().wireName());
    kit.events().messages().forEach(System.out::println);
  }
}
