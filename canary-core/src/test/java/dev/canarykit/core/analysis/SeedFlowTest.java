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

  static List<String> expectedFull() throws Exception {
    Path p = Path.of("../../shared/seed-scenario/expected-events-full.txt");
    if (!Files.exists(p)) {
      p = Path.of("src/test/resources/seed/expected-events-full.txt");
    }
    return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList();
  }
}
