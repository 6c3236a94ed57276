package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.core.internal.simulation.Traffic;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JudgeStateCodecTest {
  private static final JudgeConfig CONFIG = JudgeConfig.ofDefaults().with(0.01, 500);

  private static JudgeState evolved() {
    SplittableRandom rnd = new SplittableRandom(1);
    VersionProfile p = new VersionProfile(0.01, 20, 150);
    JudgeState s = JudgeState.start(CONFIG);
    for (int i = 0; i < 5; i++) {
      s = s.update(Traffic.interval(rnd, 50, 60, 0.2, p, p));
    }
    return s;
  }

  @Test
  void aStateReadsBackExactly() {
    JudgeState s = evolved();
    JudgeState back = JudgeStateCodec.decode(CONFIG, JudgeStateCodec.encode(s));
    assertThat(back).isEqualTo(s);
    assertThat(back.rollbackLogE()).isEqualTo(s.rollbackLogE());
  }

  @Test
  void anotherPolicyStartsAfresh() {
    String text = JudgeStateCodec.encode(evolved());
    assertThat(JudgeStateCodec.decode(CONFIG.withAlpha(0.01), text).intervals()).isZero();
    assertThat(JudgeStateCodec.decode(CONFIG, null).intervals()).isZero();
  }

  @Test
  void malformedTextIsATypedError() {
    assertThatThrownBy(() -> JudgeStateCodec.decode(CONFIG, "nonsense")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("j1:");
    String text = JudgeStateCodec.encode(evolved());
    assertThatThrownBy(() -> JudgeStateCodec.decode(CONFIG, text.substring(0, text.length() - 40)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
  }
}
