package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code canarykit demo --mesh-cluster separate}: the seed's topology, with the Istio objects behind a second
 * embedded API server (the mesh control plane) and everything else in the workload cluster.
 */
class DemoSeparateMeshTest {
  @TempDir
  static Path dump;

  private static DemoRun run;

  @BeforeAll
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // a whole demo run: about 100 s alone, longer on a loaded machine
  static void runTheDemo() {
    run = DemoRun.inProcess("--mesh-cluster", "separate", "--dump", dump.toString());
  }

  @Test
  void theSeedReleaseSucceeds() {
    assertThat(run.out()).anyMatch(l -> l.startsWith("  Istio control plane: a second embedded API server at "));
    assertThat(run.out()).contains("  Final phase: Succeeded");
    assertThat(run.events()).containsSubsequence(DemoRun.expectedEventsFull());
    assertThat(run.code()).isZero();
  }

  @Test
  void theIstioObjectsExistOnlyInTheMeshClusterWithoutOwnerReferences() throws Exception {
    Path mesh = dump.resolve(DemoWorld.MESH_DUMP);
    assertThat(names(dump)).contains("canary-podinfo.yaml", "deployment-podinfo-primary.yaml",
        "service-podinfo-canary.yaml").noneMatch(n -> n.startsWith("virtualservice-")
            || n.startsWith("destinationrule-") || n.startsWith("gateway-"));
    assertThat(names(mesh)).containsExactlyInAnyOrder("gateway-public-gateway.yaml", "virtualservice-podinfo.yaml",
        "destinationrule-podinfo-canary.yaml", "destinationrule-podinfo-primary.yaml");
    for (String file : names(mesh)) {
      assertThat(Files.readString(mesh.resolve(file))).as(file).doesNotContain("ownerReferences:");
    }
    assertThat(Files.readString(mesh.resolve("virtualservice-podinfo.yaml"))).contains("weight: 100");
  }

  private static java.util.List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }
}
