package dev.canarykit.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedFlowTest {

  @Test
  void healthySeedReleaseEmitsFlaggersEventsAndSucceeds() throws Exception {
    World w = new World(Fixtures.seed());
    w.tick();
    assertThat(w.status.phase()).isEqualTo(Phase.INITIALIZED);
    w.targetHash = "rev2";
    for (int i = 0; i < 20 && w.status.phase() != Phase.SUCCEEDED; i++) {
      w.tick();
    }
    assertThat(w.status.phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(w.events).containsExactlyElementsOf(expectedFull());
    assertThat(w.primaryHash).isEqualTo("rev2");
    assertThat(w.canaryReplicas).isZero();
  }

  /** seed/expected-events-full.txt in the test resources without blank lines. */
  static List<String> expectedFull() throws Exception {
    try (var in = SeedFlowTest.class.getResourceAsStream("/seed/expected-events-full.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).toList();
    }
  }
}
