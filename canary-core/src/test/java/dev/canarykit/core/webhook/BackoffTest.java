package dev.canarykit.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.core.webhook.HttpWebhookClient.Backoff;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void theDefaultDoublesFromOneSecondUpToThirty() {
    assertThat(IntStream.range(0, 8).mapToObj(i -> Backoff.DEFAULT.delay(i, null).toSeconds()))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    assertThat(Backoff.DEFAULT.delay(Integer.MAX_VALUE, null)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void retryAfterWinsUpToTheMaximum() {
    assertThat(Backoff.DEFAULT.delay(4, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThat(Backoff.DEFAULT.delay(0, Duration.ofSeconds(0))).isEqualTo(Duration.ZERO);
    assertThat(Backoff.DEFAULT.delay(0, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("backoff needs 0 <= min <= max, but was min PT2S, max PT1S");
  }
}
