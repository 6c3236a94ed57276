package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code canarykit demo --judge} on the built jar (failsafe; both scenarios side by side, about 3 minutes): the
 * seed release with canarykit's statistical judge deciding, the seed's load test included (and its failures declared
 * independent, as they are in the demo's world). {@code errors} is rolled back by the judge; {@code good} is shown
 * non-inferior and promoted.
 */
class DemoJudgeIT {
  private static List<String> errors;
  private static List<String> good;
  private static int errorsExit;
  private static int goodExit;

  @BeforeAll
  @Timeout(value = 20, unit = TimeUnit.MINUTES) // two demo runs side by side: about 6 minutes, longer when loaded
  static void runBothScenarios() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path errorsOut = Files.createTempFile("canarykit-demo-judge-errors", ".txt");
    Path goodOut = Files.createTempFile("canarykit-demo-judge-good", ".txt");
    Process e = start(java, "errors", errorsOut);
    Process g = start(java, "good", goodOut);
    errorsExit = finish(e, errorsOut);
    goodExit = finish(g, goodOut);
    errors = Files.readAllLines(errorsOut, StandardCharsets.UTF_8);
    good = Files.readAllLines(goodOut, StandardCharsets.UTF_8);
  }

  private static Process start(Path java, String scenario, Path out) throws Exception {
    return new ProcessBuilder(java.toString(), "-jar", DemoJarIT.JAR.toString(), "demo", "--scenario", scenario,
        "--judge").redirectErrorStream(true).redirectOutput(out.toFile()).start();
  }

  private static int finish(Process p, Path out) throws Exception {
    if (!p.waitFor(18, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the demo did not finish; its output:\n" + Files.readString(out));
    }
    return p.exitValue();
  }

  @Test
  void errorsIsRolledBackByTheJudgeNotByFailedChecks() {
    assertThat(errors).contains("    metadata.annotations.canarykit.dev/judge: enabled",
        "    metadata.annotations.canarykit.dev/judge-horizon-intervals: 30",
        "    metadata.annotations.canarykit.dev/judge-failure-cluster-mean: 1", "  Final phase: Failed");
    assertThat(errors).anyMatch(l -> l.startsWith("Warning  Rolling back podinfo.test judge found a regression: "
        + "REGRESSION: e="));
    assertThat(errors).noneMatch(l -> l.contains("failed checks threshold reached"));
    assertThat(errors).noneMatch(l -> l.contains("advancement success rate"));
    assertThat(errors).anyMatch(l -> l.startsWith("  As expected for scenario errors"));
    assertThat(errorsExit).as(String.join("\n", errors)).isZero();
  }

  @Test
  void goodIsPromotedWithTheJudgesVerdictPrintedEachTick() {
    assertThat(good).contains("  Final phase: Succeeded");
    assertThat(good).anyMatch(l -> l.startsWith("  As expected for scenario good")
        && l.contains("primary image stefanprodan/podinfo:3.1.1"));
    assertThat(good).contains("Normal   Promotion completed! Scaling down podinfo.test");
    assertThat(good).anyMatch(l -> l.startsWith("Normal   Judge cleared podinfo.test for promotion: NON_INFERIOR"));
    assertThat(goodExit).as(String.join("\n", good)).isZero();
  }

  /** One verdict line per judged tick, each naming the verdict, the evidence, the totals and the action. */
  @Test
  void eachJudgedTickPrintsItsVerdict() {
    for (List<String> run : List.of(errors, good)) {
      List<String> verdicts = run.stream().filter(l -> l.startsWith("  judge: ")).toList();
      long judgedTicks = run.stream().filter(l -> l.matches("    t\\+ *\\d+s  .*  judged")).count();
      assertThat(verdicts).isNotEmpty().hasSize((int) judgedTicks).allMatch(l -> l.matches("  judge: [A-Z_]+: "
          + "e=\\S+ \\(rollback at 20\\.0\\), p=\\S+, canary \\d+/\\d+ failed, primary \\d+/\\d+ failed, \\d+ "
          + "intervals, canarykit-judge/3 -> .+"));
    }
  }
}
