package dev.canarykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusDurationTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "1m", "30s", "1h30m", "500ms", "1d", "2w", "1y", "1y2w3d4h5m6s7ms", "0s", "90s",
      "100m"})
  void acceptsPrometheusDurations(String s) {
    assertThat(PrometheusDuration.isValid(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.5m", "1m30", "30s1m", "1m1m", "1us", "1ns", "-1m", "+1m", "1 m", "m", "1M",
      "1h 30m", "99999999999999999999y"})
  void rejectsEverythingElse(String s) {
    assertThat(PrometheusDuration.isValid(s)).isFalse();
  }

  @Test
  void rejectsNull() {
    assertThat(PrometheusDuration.isValid(null)).isFalse();
  }

  @Test
  void parsesWhatItAccepts() {
    assertThat(PrometheusDuration.parse("15d")).hasValue(java.time.Duration.ofDays(15));
    assertThat(PrometheusDuration.parse("1h30m")).hasValue(java.time.Duration.ofMinutes(90));
    assertThat(PrometheusDuration.parse("0")).hasValue(java.time.Duration.ZERO);
    assertThat(PrometheusDuration.parse("1.5m")).isEmpty();
    assertThat(PrometheusDuration.parse(null)).isEmpty();
  }
}
