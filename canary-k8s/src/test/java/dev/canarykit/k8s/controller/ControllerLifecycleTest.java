package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The controller's lifecycle on the mock API server: the INFO lines of a start, a leadership and a stop, and
 * start failures that name what failed and leave a controller that starts once the cause is gone. (An unreachable
 * API server and a missing CRD: {@code ReadmeControllerTest} in examples.)
 */
@EnableKubernetesMockClient(crud = true)
class ControllerLifecycleTest {
  private static final String LOGGER = " INFO " + CanaryController.class.getName() + " - ";
  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void startLeadershipAndStopAreLoggedAtInfo() {
    SeedWorld w = new SeedWorld(client);
    LeaderElection lease = new LeaderElection("test", "canarykit-leader", "replica-a", Duration.ofSeconds(60),
        Duration.ofSeconds(45), Duration.ofMillis(500));
    List<String> lines;
    try (StandardErrorCapture err = StandardErrorCapture.start()) {
      CanaryController c = CanaryController.create(client,
          w.config(x -> Duration.ofMillis(200)).workers(2).leaderElection(lease).build()).start();
      await().atMost(Duration.ofMinutes(3)).until(c::isLeading);
      c.close();
      lines = err.lines();
    }
    String url = client.getMasterUrl().toString();
    String as = "lease test/canarykit-leader as replica-a";
    assertThat(lines).filteredOn(l -> l.contains(LOGGER)).map(l -> l.substring(l.indexOf(LOGGER) + LOGGER.length()))
        .containsExactly(
            "canarykit controller started on " + url + " (namespace test, 2 workers, waiting for " + as + ")",
            "canarykit controller leading: " + as,
            "canarykit controller no longer leading: " + as,
            "canarykit controller stopped on " + url);
  }

  @Test
  void aForbiddenListNamesTheRoleToBindAndTheControllerStartsOnceAllowed() {
    SeedWorld w = new SeedWorld(client);
    server.expect().get().withPath("/apis/flagger.app/v1beta1/namespaces/test/canaries?limit=1")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build()).once();
    CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofMillis(200)).build());
    assertThatThrownBy(c::start).isInstanceOf(ControllerStartException.class).hasMessage(
        "listing canaries.flagger.app in namespace test on the Kubernetes API server at " + client.getMasterUrl()
            + " is not allowed (HTTP 403; bind the ClusterRole canarykit-controller)");
    assertThat(c.isLeading()).isFalse();
    try (c) {
      c.start();
      await().atMost(Duration.ofMinutes(3)).until(() -> !w.reports.isEmpty());
    }
  }

  @Test
  void anInformerThatCannotStartIsNamedAndTheSameControllerStartsLater() {
    SeedWorld w = new SeedWorld(client);
    server.expect().get().withPath("/apis/apps/v1/namespaces/test/deployments?resourceVersion=0")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build()).once();
    CanaryController c = CanaryController.create(client, w.config(x -> Duration.ofMillis(200)).build());
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    assertThatThrownBy(c::start).isInstanceOf(ControllerStartException.class).hasMessageStartingWith(
        "starting the controller on the Kubernetes API server at " + client.getMasterUrl()
            + " failed: the informer of deployments.apps in namespace test did not start: ");
    assertThat(c.isLeading()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !before.contains(t)).extracting(Thread::getName)
        .noneMatch(n -> n.startsWith("canarykit-"));
    try (c) {
      c.start();
      await().atMost(Duration.ofMinutes(3)).until(() -> !w.reports.isEmpty());
    }
  }

  /** Everything written to {@code System.err} (where slf4j-simple logs) while open, still passed through. */
  private static final class StandardErrorCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    static StandardErrorCapture start() {
      StandardErrorCapture c = new StandardErrorCapture();
      System.setErr(new PrintStream(new Tee(c.original, c.copy), true, StandardCharsets.UTF_8));
      return c;
    }

    List<String> lines() {
      System.err.flush();
      return copy.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
      System.err.flush();
      System.setErr(original);
    }
  }

  /** Writes to both streams. */
  private static final class Tee extends OutputStream {
    private final PrintStream first;
    private final ByteArrayOutputStream second;

    Tee(PrintStream first, ByteArrayOutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
