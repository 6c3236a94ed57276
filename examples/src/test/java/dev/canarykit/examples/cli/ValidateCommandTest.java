package dev.canarykit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every output form and exit code of {@code canarykit validate}, in-process. */
class ValidateCommandTest {
  static final String CANARY = """
      apiVersion: flagger.app/v1beta1
      kind: Canary
      metadata: {name: app}
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
        service: {port: 80}
        analysis: {interval: 1m, threshold: 5, stepWeight: 10}
      """;

  @Test
  void theSeedCanaryIsOk() {
    CliRun r = CliRun.run("validate", CliRun.corpus("valid/podinfo-canary.yaml"));
    assertThat(r.outRelative()).containsExactly("OK valid/podinfo-canary.yaml Canary test/podinfo");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void aMissingNamespaceIsDefaultAndEmptyDocumentsAreIgnored() {
    assertValidates(c -> "---\n# only a comment\n---\n" + c + "---\n", 0, "OK %s Canary default/app");
  }

  @Test
  void otherKindsAreSkippedWithTheirIdentity() {
    String f = CliRun.tempFile("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: prod}\n---\n"
        + "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
    CliRun r = CliRun.run("validate", f);
    assertThat(r.out()).containsExactly("SKIP " + f + " ConfigMap prod/cfg", "SKIP " + f + " Deployment default/web");
    assertThat(r.code()).isZero();
  }

  @Test
  void everyViolationIsAnInvalidLineAndExitIsOne() {
    assertValidates(c -> c.replace("port: 80", "port: 0").replace("stepWeight: 10", "stepWeight: 200"), 1,
        "INVALID %s Canary default/app: spec.service.port: must be between 1 and 65535",
        "INVALID %s Canary default/app: spec.analysis.stepWeight: must be between 0 and 100");
  }

  @Test
  void warningsPrintButDoNotChangeTheExitCode() {
    assertValidates(c -> c.replace("service: {port: 80}", "service: {port: 80, colour: red}"), 0,
        "OK %s Canary default/app", "WARN %s Canary default/app: spec.service.colour: unknown field, ignored");
  }

  @Test
  void anInvalidDocumentWithWarningsPrintsBoth() {
    assertValidates(c -> c.replace("service: {port: 80}", "service: {port: -1, colour: red}"), 1,
        "INVALID %s Canary default/app: spec.service.port: must be between 1 and 65535",
        "WARN %s Canary default/app: spec.service.colour: unknown field, ignored");
  }

  @Test
  void aFileThatIsNotYamlIsAnErrorWithItsLineAndTheOthersAreStillChecked() {
    String bad = CliRun.tempFile("apiVersion: v1\nkind: [Canary\nmetadata: {}\n");
    String good = CliRun.tempFile(CANARY);
    CliRun r = CliRun.run("validate", bad, good);
    assertThat(r.out()).containsExactly("OK " + good + " Canary default/app");
    assertThat(r.err()).singleElement().asString().startsWith("ERROR " + bad + ":3: not YAML: ");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void duplicateKeysAreNotYaml() {
    String f = CliRun.tempFile("kind: Canary\nkind: Canary\n");
    CliRun r = CliRun.run("validate", f);
    assertThat(r.err()).containsExactly("ERROR " + f + ":2: not YAML: mapping key \"kind\" already defined at line 1");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void aFlaggerDocumentWithAMissingNullOrNonStringKindIsAnErrorNeverAStackTrace() {
    String head = "apiVersion: flagger.app/v1beta1\nmetadata: {name: x}\n";
    String f = CliRun.tempFile(head + "---\n" + head + "kind: null\n---\n" + head + "kind: [Canary]\n---\n"
        + head + "kind: 5\n---\nkind: {a: b}\napiVersion: v1\n---\napiVersion: [flagger.app/v1beta1]\nkind: Canary\n");
    CliRun r = CliRun.run("validate", f);
    assertThat(r.err()).containsExactly(
        "ERROR " + f + ":1: document has no kind",
        "ERROR " + f + ":4: document has no kind",
        "ERROR " + f + ":8: kind: must be a string",
        "ERROR " + f + ":12: kind: must be a string",
        "ERROR " + f + ":16: kind: must be a string",
        "ERROR " + f + ":19: apiVersion: must be a string");
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void aliasesAndMergeKeysAreResolvedAsKubectlDoes() {
    String f = CliRun.tempFile("""
        apiVersion: flagger.app/v1beta1
        kind: Canary
        metadata: {name: app}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
          service: {port: 80}
          analysis:
            interval: &iv 1m
            threshold: 5
            stepWeight: 10
            metrics:
              - &base {name: request-success-rate, interval: *iv, thresholdRange: &range {min: 99}}
              - <<: *base
                name: request-duration
                thresholdRange: {max: 500}
              - {name: errors, query: "vector(0)", thresholdRange: *range}
        """);
    CliRun r = CliRun.run("validate", f);
    assertThat(r.out()).containsExactly("OK " + f + " Canary default/app");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void anAliasBombIsRefusedAsKubectlDoes() {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n"
        + "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 9; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
    }
    String f = CliRun.tempFile(bomb.toString());
    CliRun r = CliRun.run("validate", f);
    assertThat(r.err()).singleElement().asString().startsWith("ERROR " + f + ":")
        .contains(": not YAML: the document contains excessive aliasing");
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void wrongTypesInMetadataAreInvalidAtTheirPath() {
    assertValidates(c -> c.replace("metadata: {name: app}",
        "metadata: {name: app, namespace: [test, test], labels: {tier: {a: b}}}"), 1,
        "INVALID %s Canary default/app: metadata.namespace: must be a string",
        "INVALID %s Canary default/app: metadata.labels.tier: must be a string");
  }

  @Test
  void anUnreadableFileIsAnErrorAndTwoWinsOverOne() {
    String invalid = CliRun.tempFile(CANARY.replace("port: 80", "port: 0"));
    CliRun r = CliRun.run("validate", "no-such-file.yaml", invalid);
    assertThat(r.err()).containsExactly("ERROR no-such-file.yaml:0: cannot read: no such file");
    assertThat(r.out()).hasSize(1).allMatch(l -> l.startsWith("INVALID " + invalid));
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void documentsThatAreNotObjectsOrHaveNoKindAreErrors() {
    String f = CliRun.tempFile("just a string\n---\nmetadata: {name: x}\n---\n" + CANARY);
    CliRun r = CliRun.run("validate", f);
    assertThat(r.err()).containsExactly(
        "ERROR " + f + ":1: document is not a Kubernetes object (a YAML mapping)",
        "ERROR " + f + ":3: document has no kind");
    assertThat(r.out()).containsExactly("OK " + f + " Canary default/app");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void linesFollowDocumentOrderAcrossFiles() {
    String a = CliRun.tempFile("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n" + CANARY);
    String b = CliRun.tempFile(CANARY.replace("metadata: {name: app}", "metadata: {name: other, namespace: prod}"));
    CliRun r = CliRun.run("validate", a, b);
    assertThat(r.out()).containsExactly("SKIP " + a + " Service default/s", "OK " + a + " Canary default/app",
        "OK " + b + " Canary prod/other");
  }

  @Test
  void noFileIsAUsageError() {
    CliRun r = CliRun.run("validate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).first().isEqualTo("Missing required parameter: 'FILE'");
  }

  @Test
  void noCommandOrAnUnknownOneIsAUsageError() {
    assertThat(CliRun.run().code()).isEqualTo(2);
    assertThat(CliRun.run().err()).contains("Missing command");
    assertThat(CliRun.run("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void helpListsValidateAndExitsZero() {
    CliRun r = CliRun.run("--help");
    assertThat(r.code()).isZero();
    assertThat(String.join("\n", r.out())).contains("validate");
  }

  /**
   * Validates {@link #CANARY} as {@code change} leaves it, from a temporary file, and checks the exit code and every
   * line of stdout, in which {@code %s} stands for the file.
   */
  private static void assertValidates(UnaryOperator<String> change, int code, String... lines) {
    String f = CliRun.tempFile(change.apply(CANARY));
    CliRun r = CliRun.run("validate", f);
    assertThat(r.out()).containsExactly(Stream.of(lines).map(l -> l.formatted(f)).toArray(String[]::new));
    assertThat(r.code()).isEqualTo(code);
  }
}
