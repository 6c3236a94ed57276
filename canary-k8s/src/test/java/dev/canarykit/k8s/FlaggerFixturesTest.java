package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Canary, MetricTemplate and AlertProvider document of Flagger v1.44.0's repository (examples, docs, e2e
 * tests; copied unchanged under {@code flagger/fixtures/}), each with the verdict of Flagger's own CRD recorded in
 * {@code index.tsv} (computed with an independent JSON-schema validator when the fixtures were copied). canarykit
 * must reject exactly what Flagger's CRD rejects and accept the rest (OK or WARN), and name every provider it does
 * not drive at {@code spec.provider}.
 */
class FlaggerFixturesTest {
  record Fixture(String file, String kind, boolean acceptedByFlagger, String source) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Fixture> fixtures() {
    List<Fixture> out = new ArrayList<>();
    for (String line : Yaml.resource("/flagger/fixtures/index.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      out.add(new Fixture(f[0], f[1], f[2].equals("ACCEPTED"), f[3]));
    }
    assertThat(out).hasSizeGreaterThan(100);
    return out.stream();
  }

  private static DocumentCheck check(Fixture f) throws ManifestYaml.InvalidYaml {
    List<ManifestYaml.Document> docs = ManifestYaml.parse(Yaml.resource("/flagger/fixtures/" + f.file()));
    assertThat(docs).hasSize(1);
    return FlaggerDocuments.check(docs.get(0).tree());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void canarykitAcceptsExactlyWhatFlaggersCrdAccepts(Fixture f) throws Exception {
    DocumentCheck c = check(f);
    assertThat(c.checked()).isTrue();
    assertThat(c.kind()).isEqualTo(f.kind());
    if (f.acceptedByFlagger()) {
      assertThat(c.violations()).as("%s from %s", f.file(), f.source()).isEmpty();
    } else {
      assertThat(c.violations()).as("%s from %s", f.file(), f.source()).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyProviderCanarykitDoesNotDriveIsAWarningAtSpecProvider(Fixture f) throws Exception {
    DocumentCheck c = check(f);
    String provider = Yaml.tree(Yaml.resource("/flagger/fixtures/" + f.file())).path("spec").path("provider")
        .asText("");
    boolean undriven = f.kind().equals("Canary") && !provider.isEmpty() && !provider.equals("istio")
        && !provider.equals("kubernetes");
    boolean warned = c.warnings().stream().anyMatch(w -> w.path().equals("spec.provider"));
    if (undriven && f.acceptedByFlagger()) {
      assertThat(warned).as("%s (provider %s)", f.file(), provider).isTrue();
    }
    if (!undriven) {
      assertThat(warned).as("%s (provider %s)", f.file(), provider).isFalse();
    }
  }
}
