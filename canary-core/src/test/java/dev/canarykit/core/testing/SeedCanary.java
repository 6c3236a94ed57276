package dev.canarykit.core.testing;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import java.util.List;

/** The seed release's Canary (examples/src/main/resources/seed/podinfo-canary.yaml) and its expected events. */
final class SeedCanary {
  private SeedCanary() {}

  static Canary canary() {
    return SeedRelease.canary();
  }

  static Canary canary(AnalysisSpec analysis) {
    return SeedRelease.canary(analysis);
  }

  static AnalysisSpec.Builder analysis() {
    return SeedRelease.analysis();
  }

  /** seed/expected-events-full.txt in the test resources without blank lines. */
  static List<String> expectedEvents() throws Exception {
    try (var in = SeedCanary.class.getResourceAsStream("/seed/expected-events-full.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).toList();
    }
  }
}
