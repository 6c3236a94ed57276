package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LateTicksTest {
  @Test
  void aTickIsLateWhenItStartsMoreThanATenthOfItsIntervalAfterItWasDue() {
    Duration interval = Duration.ofSeconds(60);
    assertThat(LateTicks.late(Duration.ZERO, interval)).isFalse();
    assertThat(LateTicks.late(Duration.ofSeconds(6), interval)).isFalse();
    assertThat(LateTicks.late(Duration.ofMillis(6001), interval)).isTrue();
  }
}
