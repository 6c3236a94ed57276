package dev.canarykit.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The decision code is pure: no I/O, no clock reads, no threads, no logging, no randomness of its own. A source
 * scan keeps it so (the enforcer already keeps canary-core free of dependencies).
 */
class PurityTest {
  private static final List<String> FORBIDDEN = List.of("java.net", "java.io.File", "java.nio.file", "Thread",
      "Instant.now", "System.currentTimeMillis", "System.nanoTime", "Clock", "java.util.Random", "Math.random",
      "SecureRandom", "System.out", "System.err", "java.util.logging", "Executor", "synchronized");

  private static List<Path> sources(String pkg) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/canarykit/core", pkg))) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void theStateMachineAndTheJudgeDoNoIo() throws IOException {
    for (String pkg : List.of("analysis", "judge")) {
      List<Path> files = sources(pkg);
      assertThat(files).as(pkg).isNotEmpty();
      for (Path f : files) {
        String code = Files.readString(f);
        for (String token : FORBIDDEN) {
          assertThat(code).as(f + " uses " + token).doesNotContain(token);
        }
      }
    }
  }
}
