package dev.canarykit.examples.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the scale harness at a tiny size in both modes, so that it cannot rot: every figure is printed once, with
 * whose cost it is, and its value is plausible. (The figures themselves are benchmarks: docs/benchmarks.md.)
 */
class ScaleHarnessTest {
  private static final String[] TINY = {"--canaries", "20", "--releasing", "0.1", "--port-delay", "5ms",
      "--settle", "1s", "--idle", "11s", "--release-limit", "12s", "--startup-limit", "2m"};

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void inMemoryModeReportsTheControllersOwnFigures() throws Exception {
    Map<String, Figure> figures = run("memory");

    assertThat(figures).doesNotContainKeys("startup-api-requests", "idle-api-requests-per-tick",
        "idle-mock-server-cpu-cores");
    assertCommonFigures(figures, Report.CONTROLLER);
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void mockModeReportsTheControllersFiguresAndTheMockServersApart() throws Exception {
    Map<String, Figure> figures = run("mock");

    assertCommonFigures(figures, Report.BOTH);
    assertThat(figures.get("cluster-load-seconds").whose()).isEqualTo(Report.MOCK_SERVER);
    assertThat(figures.get("startup-api-requests").value()).isPositive();
    assertThat(figures.get("idle-api-requests-per-tick").value()).isBetween(0.0, 10.0);
    assertThat(figures.get("idle-api-requests-per-tick").whose()).isEqualTo(Report.CONTROLLER);
    assertThat(figures.get("idle-mock-server-cpu-cores").whose()).isEqualTo(Report.MOCK_SERVER);
    assertThat(figures.get("releasing-mock-server-cpu-cores").value()).isBetween(0.0, 2.5);
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void anInitializedFleetIsTakenOverWithoutWrites() throws Exception {
    Map<String, Figure> figures = run("mock", "--start", "initialized");

    assertCommonFigures(figures, Report.BOTH);
    // the copies of what the controller wrote for canary 0 are what it would write for the others: nothing to do
    assertThat(figures.get("takeover-api-writes").value()).isZero();
    assertThat(figures.get("takeover-api-requests").value()).isPositive();
    assertThat(figures).doesNotContainKeys("startup-seconds", "startup-api-requests");
    assertThat(figures.get("idle-api-requests-per-tick").value()).isZero();
  }

  private static void assertCommonFigures(Map<String, Figure> figures, String waitsOnKubernetes) {
    assertThat(figures.get("canaries").value()).isEqualTo(20);
    String startup = figures.containsKey("takeover-seconds") ? "takeover-seconds" : "startup-seconds";
    assertThat(figures.get(startup).value()).isPositive();
    assertThat(figures.get(startup).whose()).isEqualTo(waitsOnKubernetes);
    assertThat(figures.get("heap-after-gc-kb-per-canary").whose()).isEqualTo(Report.CONTROLLER);
    for (String window : new String[] {"idle", "releasing"}) {
      // 20 canaries ticked every 10 s: at least one tick each in an 11 s window (12 s while releasing)
      assertThat(figures.get(window + "-ticks-per-second").value()).as(window).isBetween(1.0, 10.0);
      assertThat(figures.get(window + "-cpu-cores").value()).as(window).isBetween(0.0, 2.5);
      assertThat(figures.get(window + "-cpu-cores").whose()).isEqualTo(Report.CONTROLLER);
      double p50 = figures.get(window + "-lateness-p50-ms").value();
      double p99 = figures.get(window + "-lateness-p99-ms").value();
      double max = figures.get(window + "-lateness-max-ms").value();
      assertThat(p50).as(window).isNotNegative().isLessThanOrEqualTo(p99);
      assertThat(p99).as(window).isLessThanOrEqualTo(max);
      assertThat(figures.get(window + "-lateness-p99-ms").whose()).isEqualTo(waitsOnKubernetes);
      assertThat(figures.get(window + "-threads").value()).as(window).isBetween(2.0, 1000.0);
    }
    assertThat(figures.get("releasing").value()).isEqualTo(2);
    // each releasing canary gets a tick in the 12 s window, which sees its new revision
    assertThat(figures.get("releases-started").value()).isEqualTo(2);
  }

  private static Map<String, Figure> run(String mode, String... more) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String[] args = java.util.stream.Stream.of(new String[] {"--mode", mode}, more, TINY)
        .flatMap(java.util.Arrays::stream).toArray(String[]::new);
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Scale.run(args, out);
    }
    Map<String, Figure> figures = new TreeMap<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.split(" ");
      assertThat(f).as(line).hasSize(4);
      assertThat(f[0]).isEqualTo("SCALE");
      assertThat(f[3]).as(line).isIn("parameter", Report.CONTROLLER, Report.MOCK_SERVER, Report.BOTH);
      assertThat(figures).as("printed once: " + f[1]).doesNotContainKey(f[1]);
      figures.put(f[1], new Figure(f[1].equals("mode") || f[1].equals("start") ? Double.NaN : Double.parseDouble(f[2]), f[3]));
    }
    return figures;
  }

  private record Figure(double value, String whose) {}
}
