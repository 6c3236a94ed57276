package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.testing.CanaryTestKit;
import dev.canarykit.core.testing.SeedRelease;
import org.junit.jupiter.api.Test;

/** The README's quick start: a release policy tested on the in-memory ports. */
class ReleasePolicyTest {

  @Test
  void aSlowCanaryIsRolledBack() {
    Canary canary = new Canary("podinfo", "test", SeedRelease.spec()).requireValid();
    var kit = CanaryTestKit.forCanary(canary);
    kit.tick();
    kit.workloads().setTargetRevision("podinfo:3.1.1");
    kit.metrics().fix("request-success-rate", 99.5).fix("request-duration", 800);
    kit.tickUntil(Phase.FAILED, 20);
    assertThat(kit.events().messages()).contains(
        "Warning  Halt podinfo.test advancement request duration 800ms > 500ms",
        "Warning  Rolling back podinfo.test failed checks threshold reached 5");
  }
}
