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
