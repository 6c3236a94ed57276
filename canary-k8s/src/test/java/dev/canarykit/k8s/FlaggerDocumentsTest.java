package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlaggerDocumentsTest {
  static final String HEAD = """
      apiVersion: flagger.app/v1beta1
      kind: Canary
      metadata: {name: app, namespace: prod}
      """;
  static final String BASE = HEAD + """
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
        service: {port: 80}
      """;

  static List<String> paths(List<Violation> vs) {
    return vs.stream().map(v -> v.path() + ": " + v.message()).toList();
  }

  static List<String> warnings(DocumentCheck c) {
    return c.warnings().stream().map(w -> w.path() + ": " + w.message()).toList();
  }

  @Test
  void otherKindsAndVersionsAreSkipped() {
    DocumentCheck d = Yaml.check("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
    assertThat(d.checked()).isFalse();
    assertThat(d.kind() + " " + d.namespace() + "/" + d.name()).isEqualTo("Deployment default/web");
    assertThat(Yaml.check("apiVersion: flagger.app/v1alpha3\nkind: Canary\n").checked()).isFalse();
    assertThat(Yaml.check("apiVersion: argoproj.io/v1alpha1\nkind: Canary\n").checked()).isFalse();
  }

  @Test
  void aMissingNullOrNonStringKindIsAViolationNeverAnException() {
    for (String kind : List.of("", "kind: null\n", "kind: [Canary]\n", "kind: 5\n")) {
      DocumentCheck d = Yaml.check("apiVersion: flagger.app/v1beta1\nmetadata: {name: x}\n" + kind);
      assertThat(d.checked()).isFalse();
      assertThat(d.kind()).isNull();
      assertThat(paths(d.violations())).isEqualTo(kind.contains("[") || kind.contains("5")
          ? List.of("kind: must be a string") : List.of());
    }
    assertThat(FlaggerDocuments.check(null).violations()).isNotEmpty();
    assertThat(FlaggerDocuments.check(Yaml.tree("[a]")).kind()).isNull();
  }

  @Test
  void wrongTypesInMetadataAreViolationsAtTheirPath() {
    DocumentCheck c = Yaml.check(BASE.replace("metadata: {name: app, namespace: prod}",
        "metadata: {name: [app], namespace: [test, test], annotations: {a: 1}}"));
    assertThat(paths(c.violations())).startsWith("metadata.name: must be a string",
        "metadata.namespace: must be a string", "metadata.annotations.a: must be a string");
    assertThat(c.namespace()).isEqualTo("default");
    assertThat(Yaml.check("apiVersion: flagger.app/v1beta1\nkind: AlertProvider\nmetadata: x\n").violations())
        .extracting(Violation::path).contains("metadata");
  }

  @Test
  void unknownFieldsAreWarningsWithPathsNeverViolations() {
    DocumentCheck c = Yaml.check(HEAD + """
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
          service: {port: 80}
          colour: blue
          ingressRef: {name: ing, namespace: other}
          analysis:
            interval: 1m
            stepWeight: 10
            tempo: fast
            metrics:
              - name: request-success-rate
                thresholdRange: {min: 99, avg: 3}
            webhooks:
              - {name: load, url: "http://lt/", flavour: x}
        status: {phase: Succeeded, shiny: true}
        """);
    assertThat(c.violations()).isEmpty();
    assertThat(c.valid()).isTrue();
    assertThat(warnings(c)).containsExactly(
        "spec.colour: unknown field, ignored",
        "spec.ingressRef.namespace: unknown field, ignored",
        "spec.analysis.tempo: unknown field, ignored",
        "spec.analysis.metrics[0].thresholdRange.avg: unknown field, ignored",
        "spec.analysis.webhooks[0].flavour: unknown field, ignored",
        "status.shiny: unknown field, ignored");
  }

  @Test
  void istioBlocksAreNotWalked() {
    DocumentCheck c = Yaml.check(HEAD + """
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
          service:
            port: 80
            trafficPolicy: {anything: {goes: here}}
            match: [{uri: {prefix: /api}, whatever: 1}]
          analysis: {interval: 1m, stepWeight: 5, match: [{headers: {x: {exact: y}}}], iterations: 0}
        """);
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void topLevelUnknownFieldsAreWarnings() {
    assertThat(warnings(Yaml.check(BASE + "spex: {}\n"))).containsExactly("spex: unknown field, ignored");
  }

  @Test
  void aFieldOfTheWrongTypeIsOneViolationAtThatField() {
    assertThat(paths(Yaml.check(BASE.replace("port: 80", "port: \"80\"")).violations()))
        .containsExactly("spec.service.port: must be an integer");
    assertThat(paths(Yaml.check(BASE + "  analysis: {stepWeights: [10, x]}\n").violations()))
        .containsExactly("spec.analysis.stepWeights[1]: must be an integer");
    assertThat(paths(Yaml.check(BASE + "  skipAnalysis: yes please\n").violations()))
        .containsExactly("spec.skipAnalysis: must be true or false");
    assertThat(paths(Yaml.check(BASE + "  analysis: {metrics: {name: x}}\n").violations()))
        .containsExactly("spec.analysis.metrics: must be a list");
    assertThat(paths(Yaml.check(BASE + "  analysis: {metrics: [{name: x, threshold: high}]}\n").violations()))
        .containsExactly("spec.analysis.metrics[0].threshold: must be a number");
  }

  @Test
  void targetPortIsANumberOrAName() {
    assertThat(Yaml.check(BASE.replace("port: 80", "port: 80, targetPort: http")).violations()).isEmpty();
    assertThat(Yaml.check(BASE.replace("port: 80", "port: 80, targetPort: 8080")).violations()).isEmpty();
  }

  @Test
  void everyViolationIsReported() {
    DocumentCheck c = Yaml.check(HEAD + """
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
          service: {port: 0}
          analysis:
            stepWeight: 10
            metrics:
              - name: request-success-rate
                thresholdRange: {min: 99}
              - name: latency
                thresholdRange: {min: 5, max: 1}
                query: "x"
        """);
    assertThat(c.violations()).extracting(Violation::path)
        .containsExactly("spec.service.port", "spec.analysis.metrics[1].thresholdRange.min");
  }

  @Test
  void legacyCanaryAnalysisIsReadAndReportedUnderItsOwnName() {
    DocumentCheck ok = Yaml.check(BASE + "  canaryAnalysis: {interval: 1m, stepWeight: 10, maxWeight: 50}\n");
    assertThat(ok.valid()).isTrue();
    assertThat(ok.warnings()).isEmpty();
    DocumentCheck bad = Yaml.check(BASE + "  canaryAnalysis: {interval: 1m, stepWeight: 10, maxWeight: 150}\n");
    assertThat(bad.violations()).extracting(Violation::path).containsExactly("spec.canaryAnalysis.maxWeight");
  }

  @Test
  void analysisWinsOverCanaryAnalysisWithAWarning() {
    DocumentCheck c = Yaml.check(BASE + """
          analysis: {interval: 1m, stepWeight: 10}
          canaryAnalysis: {maxWeight: 500}
        """);
    assertThat(c.violations()).isEmpty();
    assertThat(warnings(c)).containsExactly("spec.canaryAnalysis: is ignored because spec.analysis is set");
  }

  @Test
  void flaggerFieldsOfOtherProvidersAreWarnings() {
    DocumentCheck c = Yaml.check(HEAD + """
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
          autoscalerRef: {apiVersion: keda.sh/v1alpha1, kind: ScaledObject, name: app,
            primaryScalerQueries: {q: "sum(x)"}}
          service:
            port: 80
            trafficDistribution: PreferClose
            backendTimeout: 5s
            gatewayRefs: [{name: gw}]
            mirror: [{backendRef: {name: m}}]
            meshName: mesh
            backends: [b]
            unmanagedMetadata: {labels: [l]}
          upstreamRef: {name: up}
        """);
    assertThat(c.warnings()).extracting(FieldWarning::path).containsExactly(
        "spec.autoscalerRef.primaryScalerQueries", "spec.service.trafficDistribution",
        "spec.service.backendTimeout", "spec.service.gatewayRefs", "spec.service.mirror", "spec.service.meshName",
        "spec.service.backends", "spec.service.unmanagedMetadata", "spec.upstreamRef");
    assertThat(c.warnings()).allSatisfy(w -> assertThat(w.message()).isEqualTo(UnusedFields.MESSAGE));
  }

  @Test
  void aMissingNamespaceIsDefaultAndAMissingSpecIsAViolation() {
    DocumentCheck c = Yaml.check("apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: {name: x}\n");
    assertThat(c.namespace()).isEqualTo("default");
    assertThat(paths(c.violations())).containsExactly("spec: is required");
  }

  @Test
  void emptyListItemsAreReportedNotThrown() {
    DocumentCheck c = Yaml.check(BASE + "  analysis: {interval: 1m, stepWeight: 10, metrics: [null]}\n");
    assertThat(c.violations()).extracting(Violation::path).contains("spec.analysis.metrics[0].name");
  }
}
