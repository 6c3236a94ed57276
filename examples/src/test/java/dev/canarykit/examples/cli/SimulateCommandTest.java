package dev.canarykit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {
  private static final String CANARY = "scenarios/podinfo-canary.yaml";
  private static final String SCENARIOS = """
      scenarios:
        - name: healthy
          requestsPerSecond: 100
          primary: {errorRate: 0.002, latencyP50Ms: 20, latencyP99Ms: 150}
          canary:  {errorRate: 0.002, latencyP50Ms: 20, latencyP99Ms: 150}
          regression: false
        - name: broken
          requestsPerSecond: 300
          primary: {errorRate: 0.002, latencyP50Ms: 20, latencyP99Ms: 150}
          canary:  {errorRate: 0.25, latencyP50Ms: 20, latencyP99Ms: 150}
          regression: true
      """;

  @Test
  void printsOnlyTheComparisonAsJson() throws Exception {
    CliRun r = CliRun.run("simulate", "--canary", CANARY, "--scenarios", CliRun.tempFile(SCENARIOS), "--runs", "3");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(r.out().get(0));
    JsonNode flagger = json.path("policies").path("flagger");
    JsonNode statistical = json.path("policies").path("statistical");
    assertThat(flagger.path("scenarios").get(0).path("name").asText()).isEqualTo("healthy");
    assertThat(flagger.path("scenarios").get(0).path("runs").asInt()).isEqualTo(3);
    assertThat(statistical.path("scenarios").get(1).path("rolledBack").asInt()).isEqualTo(3);
    assertThat(statistical.path("missedRegressionRate").asDouble()).isZero();
    for (String field : new String[] {"falseRollbackRate", "missedRegressionRate", "undecidedRate",
        "medianMinutesToRollbackOfRegressions", "meanBadRequestsServedByCanaryOnRegressions"}) {
      assertThat(statistical.has(field)).as(field).isTrue();
    }
  }

  @Test
  void onlyTheRequestedPolicyRunsWithTheFiguresItHasInAFullComparison() throws Exception {
    String scenarios = CliRun.tempFile(SCENARIOS);
    CliRun r = CliRun.run("simulate", "--canary", CANARY, "--scenarios", scenarios, "--runs", "2", "--seed", "7",
        "--policy", "statistical");
    CliRun both = CliRun.run("simulate", "--canary", CANARY, "--scenarios", scenarios, "--runs", "2", "--seed", "7");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(r.out().get(0));
    assertThat(json.path("policies").has("flagger")).isFalse();
    JsonNode statistical = json.path("policies").path("statistical");
    assertThat(statistical.path("scenarios").get(1).path("name").asText()).isEqualTo("broken");
    assertThat(statistical.path("scenarios").get(1).path("rolledBack").asInt()).isEqualTo(2);
    assertThat(statistical)
        .isEqualTo(new ObjectMapper().readTree(both.out().get(0)).path("policies").path("statistical"));
  }

  @Test
  void theSameSeedGivesTheSameOutput() {
    String file = CliRun.tempFile(SCENARIOS);
    CliRun a = CliRun.run("simulate", "--canary", CANARY, "--scenarios", file, "--runs", "2", "--seed", "7");
    CliRun b = CliRun.run("simulate", "--canary", CANARY, "--scenarios", file, "--runs", "2", "--seed", "7");
    assertThat(a.out()).isEqualTo(b.out());
  }

  @Test
  void badInputIsAnErrorNamingTheField() {
    String bad = SCENARIOS.replace("{errorRate: 0.25, latencyP50Ms: 20, latencyP99Ms: 150}",
        "{errorRate: 0.25, latencyP50Ms: 20, latencyP99Ms: 10}");
    CliRun r = CliRun.run("simulate", "--canary", CANARY, "--scenarios", CliRun.tempFile(bad));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).singleElement().asString().startsWith("ERROR scenarios[1].canary: latencies must satisfy");
    CliRun p = CliRun.run("simulate", "--canary", CANARY, "--scenarios", CliRun.tempFile(SCENARIOS), "--policy",
        "kayenta");
    assertThat(p.code()).isEqualTo(2);
    assertThat(p.err()).singleElement().asString().contains("--policy must be flagger, statistical or both");
    CliRun missing = CliRun.run("simulate", "--canary", CANARY);
    assertThat(missing.code()).isEqualTo(2);
  }

  private static final String REAL_WORLD = """
      scenarios:
        - name: seed-like
          requestsPerSecond: 20
          primary: {errorRate: 0.001, latencyP50Ms: 30, latencyP99Ms: 200}
          canary:  {errorRate: 0.2,  latencyP50Ms: 30, latencyP99Ms: 200}
          regression: true
          loadTest: {requestsPerSecond: 20, errorRate: 0.0, latencyP50Ms: 5, latencyP99Ms: 20}
          failureClusterMean: 5
          warmup: {seconds: 60, latencyFactor: 3}
          trafficPattern: {amplitude: 0.5, periodMinutes: 30}
          segmentOnPrimary: {errorRate: 0.004, latencyP50Ms: 40, latencyP99Ms: 300}
      """;

  /** Issue 17: every new scenario field is read, and the router follows the strategy of the --canary file. */
  @Test
  void theRealWorldFieldsAndEveryStrategyRun() throws Exception {
    for (String canary : new String[] {CANARY, "scenarios/podinfo-ab.yaml", "scenarios/podinfo-bluegreen.yaml",
        "scenarios/podinfo-mirror.yaml", "scenarios/podinfo-affinity.yaml"}) {
      CliRun r = CliRun.run("simulate", "--canary", canary, "--scenarios", CliRun.tempFile(REAL_WORLD), "--runs",
          "2", "--policy", "statistical");
      assertThat(r.code()).as(canary + ": " + r.err()).isZero();
      JsonNode s = new ObjectMapper().readTree(r.out().get(0)).path("policies").path("statistical")
          .path("scenarios").get(0);
      assertThat(s.path("rolledBack").asInt()).as(canary).isEqualTo(2);
    }
  }

  @Test
  void anUnknownFieldIsAnErrorNamingItAndItsPath() {
    for (String[] typo : new String[][] {
        {"failureClusterMean: 5", "failureClusterMeans: 5", "scenarios[0].failureClusterMeans: unknown field"},
        {"loadTest: {requestsPerSecond: 20,", "loadTest: {rps: 20,", "scenarios[0].loadTest.rps: unknown field"},
        {"warmup: {seconds: 60,", "warmup: {second: 60,", "scenarios[0].warmup.second: unknown field"},
        {"primary: {errorRate: 0.001,", "primary: {errorRate: 0.001, p95: 3,", "scenarios[0].primary.p95: unknown"},
        {"scenarios:", "scenario: []\nscenarios:", "scenario: unknown field"}}) {
      String text = REAL_WORLD.replace(typo[0], typo[1]);
      CliRun r = CliRun.run("simulate", "--canary", CANARY, "--scenarios", CliRun.tempFile(text), "--runs", "1");
      assertThat(r.code()).as(typo[1]).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).singleElement().asString().startsWith("ERROR " + typo[2]);
    }
    CliRun bad = CliRun.run("simulate", "--canary", CANARY, "--scenarios",
        CliRun.tempFile(REAL_WORLD.replace("amplitude: 0.5", "amplitude: 1.5")), "--runs", "1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).singleElement().asString().isEqualTo(
        "ERROR scenarios[0].trafficPattern: trafficPattern.amplitude must be in [0, 1], but was 1.5");
  }

  @Test
  void anInvalidCanaryIsRefused() {
    String canary = "apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata:\n  name: x\nspec:\n"
        + "  targetRef: {apiVersion: apps/v1, kind: Deployment, name: x}\n  service: {port: 0}\n"
        + "  analysis: {interval: 1m, threshold: 5, stepWeight: 10}\n";
    CliRun r = CliRun.run("simulate", "--canary", CliRun.tempFile(canary), "--scenarios", CliRun.tempFile(SCENARIOS));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).singleElement().asString().contains("invalid Canary: spec.service.port");
  }
}
