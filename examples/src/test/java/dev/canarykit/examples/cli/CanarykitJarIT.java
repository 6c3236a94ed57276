package dev.canarykit.examples.cli;

import dev.canarykit.prometheus.FixedServer;
import dev.canarykit.prometheus.IstioExporter;
import dev.canarykit.prometheus.PrometheusServer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Runs the built {@code examples/target/canarykit.jar} ({@code java -jar}) after the package phase (failsafe).
 */
class CanarykitJarIT {
  static final Path JAR = Path.of(System.getProperty("canarykit.jar", "target/canarykit.jar")).toAbsolutePath();

  record Result(int code, List<String> out, List<String> err) {}

  static Result java(String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("canarykit-out", ".txt");
    Path err = Files.createTempFile("canarykit-err", ".txt");
    Process p = new ProcessBuilder(command).directory(CliRun.CORPUS.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("canarykit.jar finished").isTrue();
    return new Result(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
        Files.readAllLines(err, StandardCharsets.UTF_8));
  }

  @Test
  void theSeedCanaryIsOk() throws Exception {
    Result r = java("validate", "valid/podinfo-canary.yaml");
    assertThat(r.out()).containsExactly("OK valid/podinfo-canary.yaml Canary test/podinfo");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void brokenVariantsAreInvalidWithExitOne() throws Exception {
    Result r = java("validate", "valid/templates-and-providers.yaml", "broken/broken-canaries.yaml");
    assertThat(r.out()).contains("OK valid/templates-and-providers.yaml AlertProvider flagger/on-call",
        "SKIP valid/templates-and-providers.yaml Secret shop/prom-auth",
        "INVALID broken/broken-canaries.yaml Canary default/typo: spec.service.port: must be a number");
    assertThat(r.out()).filteredOn(l -> l.startsWith("INVALID ")).hasSize(14);
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void warningsKeepExitZero() throws Exception {
    Result r = java("validate", "other-providers.yaml");
    assertThat(r.out()).first().isEqualTo("OK other-providers.yaml Canary edge/gateway-app");
    assertThat(r.out()).filteredOn(l -> l.startsWith("WARN ")).hasSize(10);
    assertThat(r.code()).isZero();
  }

  @Test
  void anUnreadableFileIsExitTwoOnStderr() throws Exception {
    Result r = java("validate", "missing.yaml", "broken/broken-canaries.yaml");
    assertThat(r.err()).containsExactly("ERROR missing.yaml:0: cannot read: no such file");
    assertThat(r.out()).isNotEmpty();
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void noFileIsAUsageError() throws Exception {
    Result r = java("validate");
    assertThat(r.err()).first().isEqualTo("Missing required parameter: 'FILE'");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void checkPrintsEachMetricsVerdictAndQueryAndExitsOneOnAFailure() throws Exception {
    String canary = CliRun.tempFile(CheckYaml.podinfo("""
        - {name: request-success-rate, thresholdRange: {min: 95}}
        - {name: request-duration, thresholdRange: {max: 50}}
        - {name: missing, templateRef: {name: nowhere}, thresholdRange: {min: 1}}
        """));
    try (FixedServer prometheus = new FixedServer(FixedServer.Response.json(200, FixedServer.vector("97")))) {
      Result r = java("check", "--canary", canary, "--prometheus", prometheus.address().toString());
      assertThat(r.out()).hasSize(7);
      assertThat(r.out().get(0)).isEqualTo("CANARY test/podinfo");
      assertThat(r.out().get(1)).isEqualTo("PASS request-success-rate 97.00 [95.00,+Inf]");
      assertThat(r.out().get(2)).isEqualTo("  query: " + CheckCommandTest.SUCCESS_RATE_QUERY);
      assertThat(r.out().get(3)).isEqualTo("FAIL request-duration 97.00 [-Inf,50.00]");
      assertThat(r.out().get(4)).startsWith("  query: histogram_quantile(0.99, ").endsWith("[1m])) by (le))");
      assertThat(r.out().subList(5, 7)).containsExactly(
          "ERROR missing Metric template nowhere.test error: metrictemplate \"nowhere\" not found", "  query: -");
      assertThat(prometheus.requests()).hasSize(2);
      assertThat(r.code()).isEqualTo(1);
    }
  }

  @Test
  void checkWithoutPrometheusIsAUsageError() throws Exception {
    Result r = java("check", "--canary", "valid/podinfo-canary.yaml");
    assertThat(r.err()).first().isEqualTo("Missing required option: '--prometheus=URL'");
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void serviceFilesOfEveryDependencyAreMerged() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      var entry = jar.getEntry("META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource");
      String services = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(services).contains("io.fabric8.kubernetes.api.model.Pod")
          .contains("io.fabric8.kubernetes.api.model.apps.Deployment");
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("dev.canarykit.examples.Main");
      assertThat(jar.stream().map(java.util.zip.ZipEntry::getName)).noneMatch(n -> n.matches("META-INF/[^/]*\\.SF"));
    }
  }
}
