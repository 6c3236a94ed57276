package dev.canarykit.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.core.model.Phase;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PhaseTableTest {

  @Test
  void tableListsTheMovesOfFlaggersLifecycle() {
    assertThat(PhaseTable.next(Phase.INITIALIZING)).containsExactlyInAnyOrder(Phase.INITIALIZED, Phase.FAILED,
        Phase.TERMINATING);
    assertThat(PhaseTable.next(Phase.PROGRESSING)).containsExactlyInAnyOrder(Phase.WAITING_PROMOTION,
        Phase.PROMOTING, Phase.SUCCEEDED, Phase.FAILED, Phase.TERMINATING);
    assertThat(PhaseTable.next(Phase.PROMOTING)).containsExactlyInAnyOrder(Phase.FINALISING, Phase.SUCCEEDED,
        Phase.FAILED, Phase.TERMINATING);
    assertThat(PhaseTable.next(Phase.FINALISING)).containsExactlyInAnyOrder(Phase.SUCCEEDED, Phase.FAILED,
        Phase.TERMINATING);
    assertThat(PhaseTable.next(Phase.TERMINATED)).isEmpty();
  }

  @Test
  void noPhaseJumpsBackToInitializing() {
    for (Phase p : EnumSet.complementOf(EnumSet.of(Phase.INITIALIZING))) {
      assertThat(PhaseTable.isLegal(p, Phase.INITIALIZING)).as(p + " -> Initializing").isFalse();
    }
  }

  @Test
  void promotionCannotSkipTheAnalysis() {
    assertThat(PhaseTable.isLegal(Phase.INITIALIZED, Phase.PROMOTING)).isFalse();
    assertThat(PhaseTable.isLegal(Phase.SUCCEEDED, Phase.PROMOTING)).isFalse();
    assertThat(PhaseTable.isLegal(Phase.FAILED, Phase.SUCCEEDED)).isFalse();
    assertThat(PhaseTable.isLegal(Phase.WAITING, Phase.PROMOTING)).isFalse();
  }

  @Test
  void rewritingThePhaseIsLegal() {
    for (Phase p : Phase.values()) {
      assertThat(PhaseTable.isLegal(p, p)).isTrue();
    }
  }

  @Test
  void illegalMovesThrowNamingBothPhases() {
    assertThatThrownBy(() -> PhaseTable.require(Phase.FAILED, Phase.PROMOTING))
        .isInstanceOf(IllegalStateException.class).hasMessage("illegal phase transition Failed -> Promoting");
  }
}
