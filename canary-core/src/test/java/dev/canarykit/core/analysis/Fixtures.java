package dev.canarykit.core.analysis;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.testing.SeedRelease;

/** The seed Canary (examples/src/main/resources/seed/podinfo-canary.yaml) and variations of it. */
final class Fixtures {
  private Fixtures() {}

  static Canary seed() {
    return SeedRelease.canary();
  }

  static CanarySpec seedSpec() {
    return SeedRelease.spec();
  }

  static AnalysisSpec.Builder seedAnalysis() {
    return SeedRelease.analysis();
  }

  /** The seed with another analysis. */
  static Canary with(AnalysisSpec analysis) {
    return new Canary("podinfo", "test", seedSpec().withAnalysis(analysis));
  }

  /** The seed with a changed spec. */
  static Canary with(CanarySpec spec) {
    return new Canary("podinfo", "test", spec);
  }
}
