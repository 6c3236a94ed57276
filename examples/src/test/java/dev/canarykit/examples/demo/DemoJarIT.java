package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code java -jar examples/target/canarykit.jar demo --scenario errors} on the built jar (failsafe, about 2
 * minutes): 5% of 3.1.1's answers are 500, the success-rate check halts the analysis and the release is rolled
 * back.
 */
class DemoJarIT {
  static final Path JAR = Path.of(System.getProperty("canarykit.jar", "target/canarykit.jar")).toAbsolutePath();

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // a whole demo run: about 100 s alone, longer on a loaded machine
  void theErrorsScenarioIsRolledBackByTheSuccessRateCheck() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile("canarykit-demo", ".txt");
    Process p = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "demo", "--scenario", "errors")
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean finished = p.waitFor(12, TimeUnit.MINUTES);
    if (!finished) {
      p.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(finished).as("the demo finished; its output:\n%s", String.join("\n", lines)).isTrue();
    assertThat(lines).anyMatch(l -> l.matches("Warning  Halt podinfo.test advancement success rate \\d+(\\.\\d+)?% "
        + "< 99%"));
    assertThat(lines).contains("Warning  Rolling back podinfo.test failed checks threshold reached 5",
        "  Final phase: Failed");
    assertThat(lines).anyMatch(l -> l.startsWith("  As expected for scenario errors"));
    assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
  }
}
