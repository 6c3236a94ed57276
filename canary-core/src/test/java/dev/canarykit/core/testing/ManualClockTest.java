package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  @Test
  void movesOnlyWhenTold() {
    var clock = ManualClock.ofDefaults();
    assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START);
    assertThat(clock.advance(Duration.ofMinutes(1))).isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
    assertThat(clock.millis()).isEqualTo(Instant.parse("2024-01-01T00:01:00Z").toEpochMilli());
    clock.set(Instant.parse("2023-06-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2023-06-01T00:00:00Z"));
  }

  @Test
  void zonedCopiesShareTheTime() {
    var clock = ManualClock.of(Instant.EPOCH);
    var paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofSeconds(5));
    assertThat(paris.instant()).isEqualTo(Instant.ofEpochSecond(5));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void refusesToGoBackwardsByAdvance() {
    assertThatThrownBy(() -> ManualClock.ofDefaults().advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
  }
}
