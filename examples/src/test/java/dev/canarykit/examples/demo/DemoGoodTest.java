package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.examples.cli.Cli;
import dev.canarykit.examples.report.ReportPage;
import dev.canarykit.prometheus.PrometheusServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code canarykit demo --scenario good} end to end (about 2 minutes): embedded cluster, simulated mesh, real
 * Prometheus, the real controller and adapters. The demo keeps its Prometheus' TSDB, and the release it recorded is
 * backtested against it.
 */
class DemoGoodTest {
  private static final Pattern ROW = Pattern.compile("^    t\\+ *\\d+s  (\\S+) +weight +(\\d+)%.*");
  private static final Pattern TICK = Pattern.compile("^  flagger     \\S+  seen .*\\| (\\w+)(?:: (.*))?$");

  @TempDir
  static Path dump;

  @TempDir
  static Path kept;

  private static DemoRun run;

  @BeforeAll
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // a whole demo run: about 100 s alone, longer on a loaded machine
  static void runTheDemo() {
    run = DemoRun.inProcess("--scenario", "good", "--dump", dump.toString(), "--keep-tsdb",
        kept.resolve("tsdb").toString());
  }

  @Test
  void theReleaseIsPromotedAndTheExitCodeSaysItMatched() {
    assertThat(run.out()).contains("  Final phase: Succeeded");
    assertThat(run.out()).anyMatch(l -> l.startsWith("  As expected for scenario good")
        && l.contains("primary image stefanprodan/podinfo:3.1.1"));
    assertThat(run.code()).isZero();
  }

  @Test
  void theEventsContainTheSeedsFullSequenceInOrder() {
    assertThat(run.events()).containsSubsequence(DemoRun.expectedEventsFull());
  }

  @Test
  void everyOtherLineIsIndentedByTwoSpaces() {
    assertThat(run.out()).filteredOn(l -> !l.isEmpty() && !run.events().contains(l)).allMatch(l -> l.startsWith("  "));
  }

  @Test
  void theRewrittenDurationsArePrinted() {
    assertThat(run.out()).contains("    analysis.interval: 1m -> 10s", "    analysis.metrics[1].interval: 30s -> 5s",
        "    analysis.webhooks[1].metadata.cmd: hey -z 1m -q 10 -c 2 http://podinfo-canary.test:9898/ -> "
            + "hey -z 10s -q 10 -c 2 http://podinfo-canary.test:9898/");
  }

  @Test
  void theSummaryShowsWeightsAndMetricValuesPerTick() {
    assertThat(run.out()).anyMatch(l -> l.matches("    t\\+ *\\d+s  Progressing +weight  50%  request-success-rate "
        + "[0-9.]+  request-duration [0-9.]+"));
    assertThat(run.out()).anyMatch(l -> l.startsWith("    3.1.1 200: "));
  }

  @Test
  void theDumpHoldsEveryObjectWithTheCanaryStatus() throws Exception {
    assertThat(dump.resolve("virtualservice-podinfo.yaml")).content().as("one cluster: owned by the Canary")
        .contains("ownerReferences:");
    assertThat(dump.resolve("deployment-podinfo-primary.yaml")).content().contains("stefanprodan/podinfo:3.1.1");
    assertThat(dump.resolve("horizontalpodautoscaler-podinfo-primary.yaml")).exists();
    assertThat(dump.resolve("gateway-public-gateway.yaml")).exists();
    assertThat(Files.readString(dump.resolve("canary-podinfo.yaml"))).contains("phase: \"Succeeded\"");
    try (var files = Files.list(dump)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("event"));
    }
  }

  @Test
  void theReportPicturesTheLiveRelease() throws Exception {
    ReportPage page = ReportPage.parse(Files.readString(dump.resolve("report.html")));
    page.assertSelfContained();
    assertThat(page.texts("//el(svg)[contains(@class,'weights')]//el(path)/@data-series")).containsExactly(
        "canary weight");
    assertThat(page.texts("//el(figure)[contains(@class,'metric')]//el(path)/@data-series"))
        .containsExactly("request-success-rate", "request-duration");
    assertThat(page.count("//el(svg)/el(g)[@class='axis x']")).isEqualTo(4);
    assertThat(page.texts("//el(table)//el(tbody)/el(tr)/el(td)[4]")).containsSubsequence(
        DemoRun.expectedEventsFull().stream().map(e -> e.substring(9)).toList());
    assertThat(page.count("//el(g)[contains(@class,'event')]")).isEqualTo(page.count("//el(tbody)/el(tr)"));
  }

  @Test
  void aBacktestOfTheRecordedReleaseDecidesAsTheLiveRunDid() throws Exception {
    String[] window = run.out().stream().filter(l -> l.startsWith("  Release window: ")).findFirst().orElseThrow()
        .replace("  Release window: ", "").split(" ");
    Instant end = Instant.parse(window[3]);
    Awaitility.await("the window's end has passed").atMost(Duration.ofSeconds(30))
        .until(() -> Instant.now().isAfter(end.plusSeconds(1)));
    try (PrometheusServer prometheus = PrometheusServer.overData(kept.resolve("tsdb").resolve("data"))) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Cli.run(new String[] {"backtest", "--canary", dump.resolve("canary-podinfo.yaml").toString(),
          "--prometheus", prometheus.address().toString(), window[0], window[1], window[2], window[3], "--policy",
          "flagger"}, new PrintWriter(out), new PrintWriter(err));
      assertThat(code).as(err.toString()).isZero();
      List<String> phases = new ArrayList<>();
      List<String> events = new ArrayList<>();
      for (String line : out.toString().split("\\R")) {
        Matcher m = TICK.matcher(line);
        if (m.matches()) {
          phases.add(m.group(1));
          if (m.group(2) != null) {
            events.addAll(Arrays.asList(m.group(2).split("; ")));
          }
        }
      }
      List<String> liveEvents = liveEvents();
      assertThat(withoutLatencyHalts(phases, events)).as("the phase after each tick, from the new revision on, "
          + "but for ticks halted on latency").isEqualTo(withoutLatencyHalts(livePhases(), liveEvents));
      assertThat(events).as("the events, from the new revision on, but for halts on latency")
          .filteredOn(e -> !isLatencyHalt(e)).isEqualTo(liveEvents.stream().filter(e -> !isLatencyHalt(e)).toList());
      assertThat(out.toString()).contains("  flagger     RESULT promoted at ");
    }
  }

  /**
   * A halt on request duration: the one check whose outcome may differ between the live run and its backtest. The
   * demo's latency is measured around real loopback calls, so a loaded machine puts its stalls into the recording;
   * but a stall lasts a second or two, the metric window is 5 s, and the live run evaluated each query when it
   * reached Prometheus (late under load) while the backtest evaluates at the nominal tick instants (start + k x
   * interval). The two then look at different 5 s of the same recording (docs/decisions.md, "Backtests").
   */
  private static boolean isLatencyHalt(String event) {
    return event.startsWith("Halt podinfo.test advancement request duration ");
  }

  /**
   * {@code phases} without one tick per halt on latency in {@code events}: such a tick only counts a failed check,
   * so it stays Progressing (a good release never reaches the failure threshold) and delays the next steps by one
   * tick; every other tick stays in its place.
   */
  private static List<String> withoutLatencyHalts(List<String> phases, List<String> events) {
    List<String> left = new ArrayList<>(phases);
    for (long halts = events.stream().filter(DemoGoodTest::isLatencyHalt).count(); halts > 0; halts--) {
      assertThat(left.remove("Progressing")).as("a tick halted on latency is a Progressing tick").isTrue();
    }
    return left;
  }

  /** The phase after each tick of the live run, from the tick that detected the new revision to the decision. */
  private static List<String> livePhases() {
    List<String> phases = new ArrayList<>();
    for (String line : run.out()) {
      Matcher m = ROW.matcher(line);
      if (m.matches() && (!phases.isEmpty() || m.group(1).equals("Progressing"))) {
        phases.add(m.group(1));
        if (m.group(1).equals("Succeeded") || m.group(1).equals("Failed")) {
          break;
        }
      }
    }
    return phases;
  }

  private static List<String> liveEvents() {
    List<String> all = run.events().stream().map(e -> e.substring(9)).toList();
    int detected = all.indexOf("New revision detected! Scaling up podinfo.test");
    return all.subList(detected, all.size());
  }
}
