package dev.canarykit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarykit.core.backtest.ReleaseWindow;
import dev.canarykit.examples.report.ReportPage;
import dev.canarykit.prometheus.LabelledReleases;
import dev.canarykit.prometheus.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code canarykit backtest} in-process against a real Prometheus holding {@link LabelledReleases} (backfilled
 * with promtool), with the seed's Canary.
 */
@Timeout(300)
class BacktestCommandTest {
  /**
   * The seed's Canary with the judge told that failures are independent, as LabelledReleases draws them: at the
   * judge's default bound (clusters of mean up to 10) 15-minute windows at 50 rps are too short for it to decide.
   */
  private static final String CANARY = "scenarios/podinfo-canary-independent-failures.yaml";
  private static PrometheusServer prometheus;
  private static LabelledReleases releases;
  private static String releasesFile;

  @BeforeAll
  static void start() throws Exception {
    releases = new LabelledReleases(Instant.now());
    prometheus = releases.serve(List.of());
    releasesFile = CliRun.tempFile("releases:\n" + releases.labelled().stream().map(BacktestCommandTest::entry)
        .collect(Collectors.joining()));
  }

  private static String entry(ReleaseWindow w) {
    return "  - name: " + w.name() + "\n    start: " + w.start() + "\n    end: " + w.end() + "\n    verdict: "
        + w.verdict().orElseThrow().wireName() + "\n";
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private static CliRun backtest(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "backtest";
    all[1] = "--canary";
    all[2] = CANARY;
    all[3] = "--prometheus";
    all[4] = prometheus.address().toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return CliRun.run(all);
  }

  @Test
  void theLabelledSetAsJsonHasTheFixedShapeAndExits1WhenFlaggerMissesARegression() throws Exception {
    CliRun r = backtest("--releases", releasesFile, "--json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(r.out().get(0));
    assertThat(json.path("policies").size()).isEqualTo(2);
    JsonNode flagger = json.path("policies").path("flagger");
    assertThat(fields(flagger)).containsExactly("releases", "falseRollbackRate", "missedRegressionRate",
        "undecidedRate", "medianMinutesToRollbackOfRegressions");
    assertThat(fields(flagger.path("releases").get(0))).containsExactly("name", "verdict", "decision",
        "minutesToDecision", "firstFailedCheckMinutes");
    assertThat(flagger.path("releases").toString()).isEqualTo("[{\"name\":\"good\",\"verdict\":\"good\","
        + "\"decision\":\"promoted\",\"minutesToDecision\":6.0,\"firstFailedCheckMinutes\":null},"
        + "{\"name\":\"errors-5x\",\"verdict\":\"bad\",\"decision\":\"rolledBack\",\"minutesToDecision\":7.0,"
        + "\"firstFailedCheckMinutes\":2.0},{\"name\":\"latency\",\"verdict\":\"bad\",\"decision\":\"rolledBack\","
        + "\"minutesToDecision\":7.0,\"firstFailedCheckMinutes\":2.0},{\"name\":\"hidden-errors\",\"verdict\":"
        + "\"bad\",\"decision\":\"promoted\",\"minutesToDecision\":6.0,\"firstFailedCheckMinutes\":null}]");
    assertThat(flagger.path("missedRegressionRate").asDouble()).isEqualTo(0.3333);
    assertThat(flagger.path("medianMinutesToRollbackOfRegressions").asDouble()).isEqualTo(7.0);
    JsonNode judge = json.path("policies").path("statistical");
    assertThat(judge.path("releases").findValuesAsText("decision"))
        .containsExactly("promoted", "rolledBack", "rolledBack", "rolledBack");
    assertThat(judge.path("falseRollbackRate").asDouble()).isZero();
    assertThat(judge.path("missedRegressionRate").asDouble()).isZero();
    assertThat(judge.path("medianMinutesToRollbackOfRegressions").asDouble()).isEqualTo(3.0);
    assertThat(r.err()).containsExactly("backtest: release 1/4 good", "backtest: release 2/4 errors-5x",
        "backtest: release 3/4 latency", "backtest: release 4/4 hidden-errors");
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void humanOutputHasOneLinePerTickPerPolicyAndSaysWhatItCannotKnow() {
    ReleaseWindow w = releases.errors();
    CliRun r = backtest("--start", w.start().toString(), "--end", w.end().toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().get(0)).isEqualTo("BACKTEST podinfo.test every 1m against " + prometheus.address()
        + ", policies flagger, statistical");
    assertThat(r.out().get(1)).startsWith("NOTE Weights seen are history's").contains("Webhooks and gates were not "
        + "called");
    String tick2 = w.start().plusSeconds(120).toString();
    assertThat(r.out()).anyMatch(l -> l.startsWith("  flagger     " + tick2 + "  seen  10.0%  policy  10%   "
        + "request-success-rate 98.00 FAIL  request-duration ") && l.endsWith("| Progressing: Halt podinfo.test "
        + "advancement success rate 98.00% < 99%"));
    assertThat(r.out()).anyMatch(l -> l.startsWith("  statistical " + tick2) && l.contains("judge "));
    assertThat(r.out()).contains("  flagger     RESULT rolledBack at " + w.start().plusSeconds(420)
        + " after 7.0 min (first failed check after 2.0 min)");
    assertThat(r.out()).anyMatch(l -> l.startsWith("  statistical RESULT rolledBack at "));
    assertThat(r.out()).anyMatch(l -> l.startsWith("SUMMARY flagger     releases 1  falseRollbackRate null"));
    long flaggerTicks = r.out().stream().filter(l -> l.startsWith("  flagger     20")).count();
    assertThat(flaggerTicks).as("ticks up to the rollback at minute 7").isEqualTo(8);
  }

  @Test
  void onePolicyAtATime() throws Exception {
    ReleaseWindow w = releases.hiddenErrors();
    CliRun r = backtest("--start", w.start().toString(), "--end", w.end().toString(), "--policy", "flagger",
        "--json");
    assertThat(r.code()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out().get(0));
    assertThat(fields(json.path("policies"))).containsExactly("flagger");
    JsonNode release = json.path("policies").path("flagger").path("releases").get(0);
    assertThat(release.path("name").asText()).isEqualTo(w.start() + "/" + w.end());
    assertThat(release.path("verdict").isNull()).isTrue();
    assertThat(release.path("decision").asText()).isEqualTo("promoted");
    assertThat(json.path("policies").path("flagger").path("falseRollbackRate").isNull()).isTrue();
  }

  @Test
  void aWindowWithoutPrimarySeriesIsAnErrorNamingIt() {
    ReleaseWindow w = releases.noPrimary();
    CliRun r = backtest("--start", w.start().toString(), "--end", w.end().toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).containsExactly("ERROR no series for podinfo-primary in test between " + w.start() + " and "
        + w.end() + ": is the window right?");
  }

  @Test
  void anUnreachablePrometheusIsAnErrorWithItsAddress() {
    ReleaseWindow w = releases.good();
    CliRun r = CliRun.run("backtest", "--canary", CANARY, "--prometheus", "http://127.0.0.1:1", "--start",
        w.start().toString(), "--end", w.end().toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).singleElement().asString().startsWith("ERROR cannot reach Prometheus at http://127.0.0.1:1: ");
  }

  @Test
  void usageErrorsExit2() {
    ReleaseWindow w = releases.good();
    assertThat(backtest().err()).containsExactly("ERROR give either --start and --end, or --releases");
    assertThat(backtest("--start", w.start().toString()).err()).containsExactly(
        "ERROR --start and --end go together");
    assertThat(backtest("--start", "yesterday", "--end", w.end().toString()).err()).containsExactly(
        "ERROR --start: must be an RFC 3339 time such as 2026-11-24T10:00:00Z, but was yesterday");
    assertThat(backtest("--start", w.start().toString(), "--end", w.end().toString(), "--releases", releasesFile)
        .code()).isEqualTo(2);
    assertThat(backtest("--releases", releasesFile, "--policy", "kayenta").err()).containsExactly(
        "ERROR --policy must be flagger, statistical or both, but was kayenta");
    String typo = CliRun.tempFile("releases:\n  - name: a\n    start: " + w.start() + "\n    end: " + w.end()
        + "\n    verdikt: bad\n");
    assertThat(backtest("--releases", typo).err()).singleElement().asString()
        .endsWith(": releases[0].verdikt: unknown field (expected name, start, end, verdict)");
    String ugly = CliRun.tempFile("releases:\n  - name: a\n    start: " + w.start() + "\n    end: " + w.end()
        + "\n    verdict: meh\n");
    assertThat(backtest("--releases", ugly).err()).singleElement().asString()
        .endsWith(": releases[0].verdict: must be good or bad, but was meh");
  }

  @Test
  void aCanaryWhoseTemplateIsMissingIsAnError() {
    String canary = CliRun.tempFile("""
        apiVersion: flagger.app/v1beta1
        kind: Canary
        metadata: {name: podinfo, namespace: test}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: podinfo}
          service: {port: 9898}
          analysis:
            interval: 1m
            threshold: 5
            maxWeight: 50
            stepWeight: 10
            metrics:
              - name: latency-slo
                templateRef: {name: latency-slo, namespace: observability}
                thresholdRange: {max: 1}
        """);
    ReleaseWindow w = releases.good();
    CliRun r = CliRun.run("backtest", "--canary", canary, "--prometheus", prometheus.address().toString(),
        "--start", w.start().toString(), "--end", w.end().toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).singleElement().asString().startsWith("ERROR podinfo.test: metric latency-slo: ");
  }

  @Test
  void theReportIsOneSelfContainedPageWithEveryPanelOnOneTimeAxis() throws Exception {
    Path report = Files.createTempFile("backtest-report", ".html");
    CliRun r = backtest("--releases", releasesFile, "--json", "--report", report.toString());
    assertThat(r.code()).isEqualTo(1);
    ReportPage page = ReportPage.parse(Files.readString(report));
    Files.delete(report);
    page.assertSelfContained();
    assertThat(page.texts("//el(section)/el(h2)")).containsExactly("good", "errors-5x", "latency", "hidden-errors");
    String errors = "//el(section)[el(h2)='errors-5x']";
    assertThat(page.texts(errors + "//el(figure)/el(figcaption)/text()")).containsExactly("Canary weight (%)",
        "request-success-rate (passes: min 99.0)", "request-duration (passes: max 500.0)",
        "Judge's rollback evidence, log e-value (rolls back at the dashed bound 3.0)", "Events");
    for (String kind : new String[] {"weights", "metric", "evidence", "events"}) {
      assertThat(page.count(errors + "//el(svg)[contains(@class,'" + kind + "')]/el(g)[@class='axis x']"))
          .as(kind + " has a time axis").isPositive();
    }
    assertThat(page.texts(errors + "//el(svg)[contains(@class,'weights')]//el(path)/@data-series"))
        .containsExactly("seen in history", "flagger would route", "statistical would route");
    for (var metric : page.all(errors + "//el(figure)[contains(@class,'metric')]")) {
      assertThat(ReportPage.parse(toXml(metric)).count("//el(path)[contains(@class,'series')]"))
          .as("one series per metric").isEqualTo(1);
    }
    assertThat(page.count(errors + "//el(figure)[contains(@class,'metric')]//el(rect)[@class='band']")).isEqualTo(2);
    assertThat(page.count(errors + "//el(svg)[contains(@class,'evidence')]//el(line)[@class='bound']")).isEqualTo(1);
    assertThat(page.count(errors + "//el(svg)[contains(@class,'metric')]//el(circle)[@class='failed']"))
        .as("failed checks are marked").isPositive();
    int marks = page.count(errors + "//el(g)[contains(@class,'event')]");
    assertThat(marks).isEqualTo(page.count(errors + "//el(table)//el(tbody)/el(tr)"));
    assertThat(page.texts(errors + "//el(table)//el(tr)/el(td)[4]"))
        .contains("Rolling back podinfo.test failed checks threshold reached 5");
    assertThat(page.texts("//el(header)/el(p)")).anyMatch(p -> p.startsWith("Weights seen are history's"));
  }

  private static String toXml(org.w3c.dom.Node node) throws Exception {
    var t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
    var w = new java.io.StringWriter();
    t.transform(new javax.xml.transform.dom.DOMSource(node), new javax.xml.transform.stream.StreamResult(w));
    return w.toString();
  }
}
