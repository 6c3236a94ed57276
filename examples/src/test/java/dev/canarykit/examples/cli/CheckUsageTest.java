package dev.canarykit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code canarykit check} usage errors and unusable files: exit 2, reasons on stderr, nothing on stdout and no
 * query sent (the Prometheus address is a closed port, which would print ERROR lines if it were asked).
 */
class CheckUsageTest {
  static final String PROMETHEUS = "http://127.0.0.1:1";
  static final String METRIC = "- {name: request-success-rate, thresholdRange: {min: 99}}";

  private static CliRun check(String... files) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", "--prometheus", PROMETHEUS));
    for (String f : files) {
      args.addAll(java.util.List.of("--canary", f));
    }
    CliRun r = CliRun.run(args.toArray(String[]::new));
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isEqualTo(2);
    return r;
  }

  @Test
  void bothOptionsAreRequired() {
    CliRun noPrometheus = CliRun.run("check", "--canary", CliRun.tempFile(CheckYaml.podinfo(METRIC)));
    assertThat(noPrometheus.err()).first().isEqualTo("Missing required option: '--prometheus=URL'");
    assertThat(noPrometheus.code()).isEqualTo(2);
    CliRun noCanary = CliRun.run("check", "--prometheus", PROMETHEUS);
    assertThat(noCanary.err()).first().isEqualTo("Missing required option: '--canary=FILE'");
    assertThat(noCanary.code()).isEqualTo(2);
  }

  @Test
  void thePrometheusUrlMustBeAbsoluteHttpWithoutCredentials() {
    String f = CliRun.tempFile(CheckYaml.podinfo(METRIC));
    for (String bad : new String[] {"prometheus:9090", "ftp://host", "/api", "http://"}) {
      CliRun r = CliRun.run("check", "--canary", f, "--prometheus", bad);
      assertThat(r.err()).first().isEqualTo("Invalid value for option '--prometheus': '" + bad
          + "' is not an absolute http(s) URL such as http://127.0.0.1:9090");
      assertThat(r.code()).isEqualTo(2);
    }
    CliRun r = CliRun.run("check", "--canary", f, "--prometheus", "http://admin:hunter22@prom:9090");
    assertThat(r.err()).first().asString().startsWith("Invalid value for option '--prometheus': the URL must not "
        + "hold credentials").doesNotContain("hunter22");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void anUnreadableFileIsAnErrorAndNothingIsQueried() {
    CliRun r = check(CliRun.tempFile(CheckYaml.podinfo(METRIC)), "no-such-file.yaml");
    assertThat(r.err()).containsExactly("ERROR no-such-file.yaml:0: cannot read: no such file");
  }

  @Test
  void notYamlIsAnErrorWithItsLine() {
    String f = CliRun.tempFile("apiVersion: v1\nkind: [Canary\nmetadata: {}\n");
    assertThat(check(f).err()).singleElement().asString().startsWith("ERROR " + f + ":3: not YAML: ");
  }

  @Test
  void anInvalidCanaryListsEveryViolationWithItsDocumentLine() {
    String f = CliRun.tempFile("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n"
        + CheckYaml.podinfo(METRIC).replace("port: 9898", "port: 0").replace("stepWeight: 10", "stepWeight: 200"));
    assertThat(check(f).err()).containsExactly(
        "ERROR " + f + ":5: Canary test/podinfo: spec.service.port: must be between 1 and 65535",
        "ERROR " + f + ":5: Canary test/podinfo: spec.analysis.stepWeight: must be between 0 and 100");
  }

  @Test
  void anInvalidMetricTemplateIsAnError() {
    String f = CliRun.tempFile(CheckYaml.podinfo(METRIC) + CheckYaml.template("t", "vector(1)", "")
        .replace("type: prometheus", "type: carrier-pigeon"));
    assertThat(check(f).err()).singleElement().asString()
        .startsWith("ERROR " + f + ":15: MetricTemplate test/t: spec.provider.type: ");
  }

  @Test
  void aFileWithoutACanaryIsAnError() {
    String templates = CliRun.tempFile(CheckYaml.template("t", "vector(1)", "").substring(4));
    assertThat(check(CliRun.tempFile(CheckYaml.podinfo(METRIC)), templates).err())
        .containsExactly("ERROR " + templates + ":0: no Canary (apiVersion flagger.app/v1beta1, kind Canary)");
  }

  @Test
  void aTemplateDefinedTwiceIsAnError() {
    String a = CliRun.tempFile(CheckYaml.podinfo(METRIC) + CheckYaml.template("t", "vector(1)", ""));
    String b = CliRun.tempFile(CheckYaml.canary("other", METRIC) + CheckYaml.template("t", "vector(2)", ""));
    assertThat(check(a, b).err()).containsExactly(
        "ERROR " + b + ":15: MetricTemplate test/t: defined twice (also at " + a + ":15)");
  }

  @Test
  void documentsThatAreNotMappingsAndBadSecretsAreErrors() {
    String f = CliRun.tempFile("just text\n---\n" + CheckYaml.podinfo(METRIC)
        + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: test}\ndata: {token: '!!!'}\n");
    assertThat(check(f).err()).containsExactly(
        "ERROR " + f + ":1: document is not a Kubernetes object (a YAML mapping)",
        "ERROR " + f + ":17: Secret test/s: data.token: is not base64");
  }

  @Test
  void helpListsCheck() {
    CliRun r = CliRun.run("--help");
    assertThat(r.code()).isZero();
    assertThat(String.join("\n", r.out())).contains("check");
    CliRun own = CliRun.run("check", "--help");
    assertThat(own.code()).isZero();
    assertThat(String.join("\n", own.out())).contains("--canary=FILE", "--prometheus=URL", "Exit codes:");
  }
}
