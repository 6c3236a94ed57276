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
  /** The analysis Flagger's schema requires: interval, threshold and one of iterations, stepWeight, stepWeights. */
  static final String ANALYSIS = "  analysis: {interval: 1m, threshold: 5, stepWeight: 10}\n";

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
    assertThat(paths(Yaml.check("apiVersion: flagger.app/v1alpha3\nkind: Canary\n").violations()))
        .containsExactly("apiVersion: must be flagger.app/v1beta1, the only version Flagger's CRD serves");
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
          ingressRef: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: ing, namespace: other}
          analysis:
            interval: 1m
            threshold: 5
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
  void fieldsOutsideFlaggersSchemaInsideTheIstioBlocksAreWarningsWithTheirFullPath() {
    DocumentCheck c = Yaml.check(HEAD + """
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
          service:
            port: 80
            trafficPolicy:
              anything: {goes: here}
              tunnel: {protocol: CONNECT}
              connectionPool: {tcp: {maxConnections: 5}}
              portLevelSettings: [{port: {number: 80}}]
            match: [{uri: {prefix: /api}, bogusMatch: 1}]
            corsPolicy: {allowOrigins: [{exact: a}], bogusCors: 1}
            headers: {request: {set: {a: b}, bogusOp: {}}}
            retries: {attempts: 3, backoff: 1s}
            rewrite: {uri: /, uriRegexRewrite: {match: x}}
          analysis:
            interval: 1m
            threshold: 5
            iterations: 10
            match: [{headers: {x: {exact: y}}, bogusAb: 1}]
        """);
    assertThat(c.violations()).isEmpty();
    assertThat(warnings(c)).containsExactlyInAnyOrder(
        "spec.service.trafficPolicy.anything: unknown field, ignored",
        "spec.service.trafficPolicy.tunnel: unknown field, ignored",
        "spec.service.trafficPolicy.connectionPool.tcp: unknown field, ignored",
        "spec.service.trafficPolicy.portLevelSettings: unknown field, ignored",
        "spec.service.match[0].bogusMatch: unknown field, ignored",
        "spec.service.corsPolicy.bogusCors: unknown field, ignored",
        "spec.service.headers.request.bogusOp: unknown field, ignored",
        "spec.service.retries.backoff: unknown field, ignored",
        "spec.service.rewrite.uriRegexRewrite: unknown field, ignored",
        "spec.analysis.match[0].bogusAb: unknown field, ignored");
  }

  @Test
  void whatFlaggersSchemaRejectsIsInvalid() {
    assertThat(paths(Yaml.check(BASE).violations())).containsExactly("spec.analysis: is required");
    assertThat(paths(Yaml.check(BASE + "  analysis: {interval: 1m, threshold: 5, stepWeight: 10, iterations: 5}\n")
        .violations())).containsExactly("spec.analysis: sets more than one of iterations, stepWeight, stepWeights"
            + " (Flagger's schema allows one)");
    assertThat(paths(Yaml.check(BASE + "  analysis: {interval: 1m, stepWeight: 10}\n").violations()))
        .containsExactly("spec.analysis: needs interval, threshold and exactly one of iterations, stepWeight,"
            + " stepWeights");
    assertThat(paths(Yaml.check(BASE.replace("kind: Deployment", "kind: StatefulSet") + ANALYSIS).violations()))
        .containsExactly("spec.targetRef.kind: must be one of: DaemonSet, Deployment, Service");
    assertThat(paths(Yaml.check(BASE.replace("{apiVersion: apps/v1, kind: Deployment, name: app}", "{name: app}")
        + ANALYSIS).violations())).containsExactly("spec.targetRef.apiVersion: is required",
            "spec.targetRef.kind: is required");
    assertThat(paths(Yaml.check(BASE + "  provider: consul\n" + ANALYSIS).violations()))
        .singleElement().asString().startsWith("spec.provider: must be one of: apisix, appmesh,");
    assertThat(paths(Yaml.check(BASE + "  analysis: {interval: 90, threshold: 5, stepWeight: 10}\n").violations()))
        .containsExactly("spec.analysis.interval: must be a string");
    assertThat(paths(Yaml.check(BASE + "  analysis: {interval: 1h, threshold: 5, stepWeight: 10}\n").violations()))
        .containsExactly("spec.analysis.interval: must match the pattern ^[0-9]+(m|s)");
  }

  @Test
  void whatFlaggersSchemaAcceptsIsValid() {
    assertThat(Yaml.check(BASE + """
          analysis:
            interval: 1m
            threshold: 5
            stepWeights: [1, 2, 10, 200]
            metrics:
              - {name: "", templateRef: {name: t}, query: "vector(1)", thresholdRange: {max: 1}}
        """).violations()).isEmpty();
  }

  @Test
  void virtualServicesIstiodWouldRejectAreInvalidAtTheCanaryField() {
    String wildcard = BASE.replace("service: {port: 80}", "service: {port: 80, hosts: [\"*\"]}") + ANALYSIS;
    assertThat(paths(Yaml.check(wildcard).violations())).singleElement().asString()
        .startsWith("spec.service.hosts[0]: istiod rejects the wildcard host * on a VirtualService bound to the mesh");
    assertThat(Yaml.check(wildcard.replace("hosts: [\"*\"]", "hosts: [\"*\"], gateways: [public-gateway]"))
        .violations()).isEmpty();
    String overlapping = BASE.replace("service: {port: 80}",
        "service: {port: 80, gateways: [gw], hosts: [\"*.example.com\", multi.example.com]}") + ANALYSIS;
    assertThat(paths(Yaml.check(overlapping).violations())).containsExactly("spec.service.hosts[1]: overlaps"
        + " hosts[0] *.example.com: istiod rejects duplicate hosts in a VirtualService");
    assertThat(Yaml.check(overlapping.replace("multi.example.com", "app.example.org")).violations()).isEmpty();
  }

  @Test
  void providersCanarykitDoesNotDriveAreAWarningAtSpecProvider() {
    DocumentCheck c = Yaml.check(HEAD + "spec:\n  provider: knative\n"
        + "  targetRef: {apiVersion: serving.knative.dev/v1, kind: Service, name: app}\n" + ANALYSIS);
    assertThat(c.violations()).isEmpty();
    assertThat(warnings(c)).containsExactly("spec.provider: " + FlaggerDocuments.UNDRIVEN);
  }

  @Test
  void topLevelUnknownFieldsAreWarnings() {
    assertThat(warnings(Yaml.check(BASE + "spex: {}\n"))).containsExactly("spex: unknown field, ignored");
  }

  @Test
  void aFieldOfTheWrongTypeIsOneViolationAtThatField() {
    assertThat(paths(Yaml.check(BASE.replace("port: 80", "port: \"80\"") + ANALYSIS).violations()))
        .containsExactly("spec.service.port: must be a number");
    assertThat(paths(Yaml.check(BASE.replace("port: 80", "port: 80.5") + ANALYSIS).violations()))
        .as("Flagger's schema takes a number; its Go type is an integer").containsExactly(
            "spec.service.port: must be an integer");
    String a = "  analysis: {interval: 1m, threshold: 5, ";
    assertThat(paths(Yaml.check(BASE + a + "stepWeights: [10, x]}\n").violations()))
        .containsExactly("spec.analysis.stepWeights[1]: must be a number");
    assertThat(paths(Yaml.check(BASE + ANALYSIS + "  skipAnalysis: yes please\n").violations()))
        .containsExactly("spec.skipAnalysis: must be true or false");
    assertThat(paths(Yaml.check(BASE + a + "stepWeight: 5, metrics: {name: x}}\n").violations()))
        .containsExactly("spec.analysis.metrics: must be a list");
    assertThat(paths(Yaml.check(BASE + a + "stepWeight: 5, metrics: [{name: x, threshold: high}]}\n").violations()))
        .containsExactly("spec.analysis.metrics[0].threshold: must be a number");
  }

  @Test
  void targetPortIsANumberOrAName() {
    assertThat(Yaml.check(BASE.replace("port: 80", "port: 80, targetPort: http") + ANALYSIS).violations()).isEmpty();
    assertThat(Yaml.check(BASE.replace("port: 80", "port: 80, targetPort: 8080") + ANALYSIS).violations())
        .isEmpty();
    assertThat(paths(Yaml.check(BASE.replace("port: 80", "port: 80, targetPort: [1]") + ANALYSIS).violations()))
        .containsExactly("spec.service.targetPort: must be an integer or a string");
  }

  @Test
  void everyViolationIsReported() {
    DocumentCheck c = Yaml.check(HEAD + """
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
          service: {port: 0}
          analysis:
            interval: 1m
            threshold: 5
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
  void legacyCanaryAnalysisIsOutsideFlaggersV1beta1SchemaSoAnalysisIsMissing() {
    DocumentCheck c = Yaml.check(BASE + "  canaryAnalysis: {interval: 1m, threshold: 5, stepWeight: 10}\n");
    assertThat(paths(c.violations())).containsExactly("spec.analysis: is required");
    assertThat(warnings(c)).containsExactly("spec.canaryAnalysis: unknown field, ignored");
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
    DocumentCheck c = Yaml.check(BASE + "  analysis: {interval: 1m, threshold: 5, stepWeight: 10, metrics: [null]}\n");
    assertThat(paths(c.violations())).containsExactly("spec.analysis.metrics[0]: must be an object");
  }
}
