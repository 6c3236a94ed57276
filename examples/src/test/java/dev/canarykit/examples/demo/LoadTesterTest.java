package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load tester against a mesh over the embedded cluster with the seed's Deployment (3.1.0, healthy). */
class LoadTesterTest {
  private static EmbeddedCluster cluster;
  private static RolloutSimulator rollouts;
  private static IstioMetrics metrics;
  private static Mesh mesh;
  private static LoadTester tester;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    cluster = EmbeddedCluster.start();
    new SeedManifests(cluster.client()).applyWorkloads();
    rollouts = new RolloutSimulator(cluster.client(), EmbeddedCluster.TEST, Duration.ofMillis(100)).start();
    metrics = new IstioMetrics();
    mesh = new Mesh(cluster.client(), EmbeddedCluster.TEST, rollouts.deployments(), metrics, Scenario.GOOD);
    tester = LoadTester.start(mesh);
    Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> mesh.send(LoadTester.CALLER, "podinfo-canary", "GET", "/healthz", null).status() == 200);
  }

  @AfterAll
  static void stop() {
    tester.close();
    mesh.close();
    rollouts.close();
    cluster.close();
  }

  private static HttpResponse<String> hook(String type, String cmd) throws Exception {
    String metadata = "{\"cmd\":\"" + cmd + "\"" + (type == null ? "" : ",\"type\":\"" + type + "\"") + "}";
    String body = "{\"name\":\"podinfo\",\"namespace\":\"test\",\"phase\":\"Progressing\",\"metadata\":"
        + metadata + "}";
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + tester.hostPort() + "/"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theAcceptanceTestPostsToTheCanaryAndPassesOnAToken() throws Exception {
    var r = hook("bash", "curl -sd 'test' http://podinfo-canary:9898/token | grep token");
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void aFailingBashCommandIs500WithTheError() throws Exception {
    var r = hook("bash", "curl -sd 'test' http://nothing-canary:9898/token | grep token");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).startsWith("command curl -sd 'test' http://nothing-canary:9898/token | grep token failed: "
        + "no healthy upstream");
  }

  @Test
  void anythingButTheSeedsCommandsIsRefusedAndNeverRun() throws Exception {
    assertThat(hook(null, "rm -rf /tmp/x").statusCode()).isEqualTo(400);
    assertThat(hook("bash", "curl -sd 'x' http://a/token | grep token; reboot").statusCode()).isEqualTo(400);
  }

  @Test
  void aLoadTestIsAcceptedAtOnceAndAnIdenticalOneRunningIsNotStartedTwice() throws Exception {
    String cmd = "hey -z 2s -q 2 -c 1 http://podinfo-canary.test:9898/";
    long before = metrics.totals().getOrDefault("podinfo/200", 0L);
    assertThat(hook(null, cmd).statusCode()).isEqualTo(202);
    assertThat(hook(null, cmd).statusCode()).isEqualTo(202);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !tester.isRunning(cmd));
    long sent = metrics.totals().getOrDefault("podinfo/200", 0L) - before;
    assertThat(sent).isBetween(1L, 5L);
  }
}
