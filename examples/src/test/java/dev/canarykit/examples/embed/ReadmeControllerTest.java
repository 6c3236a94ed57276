package dev.canarykit.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.core.webhook.AsyncEventSink;
import dev.canarykit.core.webhook.HttpWebhookClient;
import dev.canarykit.istio.IstioTrafficRouter;
import dev.canarykit.k8s.KubernetesSecretResolver;
import dev.canarykit.k8s.alert.AlertDispatcher;
import dev.canarykit.k8s.alert.AlertProviderLookup;
import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.controller.ControllerStartException;
import dev.canarykit.k8s.controller.LeaderElection;
import dev.canarykit.k8s.metrics.ControllerMetrics;
import dev.canarykit.k8s.metrics.FlaggerMetrics;
import dev.canarykit.k8s.resource.MetricTemplateResource;
import dev.canarykit.prometheus.PrometheusMetricSource;
import dev.canarykit.prometheus.PrometheusServer;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The controller configuration of the README ("Running the controller"), as written there, against the mock API
 * server and a real Prometheus: the seed release judged only by MetricTemplates that live in the cluster.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(300)
class ReadmeControllerTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private final ManualClock clock = ManualClock.ofDefaults();
  private final List<TickReport> reports = new CopyOnWriteArrayList<>();

  /**
   * The README's configuration ("Running the controller"), its builder chain word for word (checked by
   * {@link #theReadmeShowsTheConfigurationTestedHereAndInTheOutsideProject}); each test adds its namespace, clock or
   * metrics server.
   */
  static ControllerConfig.Builder readmeConfig(KubernetesClient k8s) {
    var meterRegistry = new SimpleMeterRegistry();
    String podName = "canarykit-0";
    HttpClient http = HttpClient.newHttpClient();
    ControllerConfig.Builder config = ControllerConfig.builder()
        .router(new IstioTrafficRouter(k8s))
        .metrics(PrometheusMetricSource.factory())          // MetricTemplates and their Secrets come from the cluster
        .defaultMetricsServer("http://prometheus.istio-system:9090")
        .webhooks(HttpWebhookClient.builder().build())
        .events(k8sEvents -> AsyncEventSink.builder(                         // events and alerts leave the tick
            AlertDispatcher.builder(http).delegate(k8sEvents).providers(AlertProviderLookup.kubernetes(k8s))
                .secrets(new KubernetesSecretResolver(k8s)).build())
            .build())
        .listener(new FlaggerMetrics(meterRegistry, "canarykit", "istio"))   // Flagger's metric names
        .controllerListener(new ControllerMetrics(meterRegistry))            // canarykit_tick_lateness_seconds
        .workers(4)
        .leaderElection(LeaderElection.of("canarykit", "canarykit-leader", podName));
    return config;
  }

  @Test
  void theReadmeShowsTheConfigurationTestedHereAndInTheOutsideProject() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## Running the controller");
    int from = readme.indexOf("ControllerConfig.builder()", section);
    String chain = code(readme.substring(from, readme.indexOf(".build();\ntry (", from)));
    assertThat(chain).startsWith("ControllerConfig.builder().router(").contains(".listener(newFlaggerMetrics(");
    Path here = Path.of("src/test/java", ReadmeControllerTest.class.getName().replace('.', '/') + ".java");
    assertThat(code(Files.readString(here))).as("readmeConfig")
        .contains("ControllerConfig.Builderconfig=" + chain + ";returnconfig;");
    assertThat(code(Files.readString(Path.of("src/it/bom-user/src/main/java/com/example/Wiring.java"))))
        .as("the outside project's Wiring").contains("ControllerConfigconfig=" + chain + ".build();returnconfig;");
    String pom = Files.readString(Path.of("src/it/bom-user/pom.xml"));
    String dependencies = readme.substring(readme.indexOf("<dependencies>\n  <dependency>"));
    for (String artifact : dependencies.substring(0, dependencies.indexOf("</dependencies>")).split("<artifactId>")) {
      if (artifact.contains("</artifactId>")) {
        String name = artifact.substring(0, artifact.indexOf("</artifactId>"));
        assertThat(pom).as("the outside project's dependencies").contains("<artifactId>" + name + "<");
      }
    }
  }

  /** Java source without end-of-line comments and whitespace, so only the code is compared. */
  private static String code(String source) {
    return source.replaceAll("\\s//[^\n]*", "").replaceAll("\\s+", "");
  }

  @Test
  void theSeedReleaseSucceedsOnTemplateMetricsFoundInTheCluster() throws Exception {
    try (PrometheusServer prometheus = PrometheusServer.start()) {
      SeedCluster seed = new SeedCluster(client).install(yaml -> SeedCluster.withMetrics(yaml, """
              metrics:
                - name: error-rate
                  templateRef: {name: error-rate, namespace: shop}
                  thresholdRange: {max: 1}
                  interval: 1m
                - name: latency
                  templateRef: {name: latency}
                  thresholdRange: {max: 1}
          """));
      template("shop", "error-rate", prometheus.address().toString(), "prom-auth");
      template("test", "latency", "", null);
      client.resource(new SecretBuilder().withNewMetadata().withName("prom-auth").withNamespace("shop")
          .endMetadata().withStringData(Map.of("username", "canarykit", "password", "s3cret")).build()).create();
      ControllerConfig config = readmeConfig(client).defaultMetricsServer(prometheus.address().toString())
          .namespace(SeedCluster.NS).clock(clock).intervals(c -> Duration.ofMillis(200)).onTick(this::onTick)
          .build();
      try (CanaryController controller = CanaryController.create(client, config).start()) {
        await().atMost(Duration.ofSeconds(30)).until(controller::isLeading);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
          seed.rollOut();
          return seed.phase() == Phase.INITIALIZED;
        });
        seed.release();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
          seed.rollOut();
          return seed.phase() == Phase.SUCCEEDED || seed.phase() == Phase.FAILED;
        });
      }
      assertThat(seed.phase()).as("%s", seed.messages()).isEqualTo(Phase.SUCCEEDED);
      assertThat(seed.primaryImage()).isEqualTo("stefanprodan/podinfo:3.1.1");
      assertThat(metricOutcomes("error-rate")).isNotEmpty().allMatch(o -> o.equals(new Outcome.MetricValue(1)));
      assertThat(metricOutcomes("latency")).isNotEmpty().allMatch(o -> o.equals(new Outcome.MetricValue(1)));
      assertThat(seed.messages()).contains("Advance podinfo.test canary weight 50",
          "all the metrics providers are available!").noneMatch(m -> m.contains("not found"));
    }
  }

  @Test
  void startAndStopThreeTimesLeaveNoThreadBehind() {
    new SeedCluster(client).install(yaml -> yaml);
    ControllerConfig config = readmeConfig(client).namespace(SeedCluster.NS).build();
    cycle(config);                                          // warms up what the caller's client keeps
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    for (int i = 0; i < 3; i++) {
      cycle(config);
    }
    await("threads of the three controllers gone").pollInSameThread().atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .noneMatch(n -> n.startsWith("canarykit"));
  }

  /**
   * The names of the live threads not in {@code before}, compared by identity (a leaked thread named like one that
   * was there still counts), except later threads of a pool that was there (the caller's client's pools and the
   * JVM's common pool grow and shrink on their own; a pool the controller made would be new).
   */
  private static List<String> newThreads(Set<Thread> before) {
    Set<String> pools = before.stream().map(t -> pool(t.getName())).filter(p -> p != null)
        .collect(java.util.stream.Collectors.toSet());
    return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).map(Thread::getName)
        .filter(n -> !pools.contains(pool(n))).sorted().toList();
  }

  /** The pool a thread's name says it belongs to ({@code pool-3-thread-}), or null. */
  private static String pool(String name) {
    for (String worker : List.of("-thread-", "ForkJoinPool.commonPool-worker-")) {
      int at = name.lastIndexOf(worker);
      if (at >= 0) {
        return name.substring(0, at + worker.length());
      }
    }
    return null;
  }

  private void cycle(ControllerConfig config) {
    CanaryController controller = CanaryController.create(client, config);
    controller.close();                                     // closing a controller never started is fine
    controller.start();
    await().atMost(Duration.ofSeconds(30)).until(controller::isLeading);
    await().atMost(Duration.ofSeconds(30)).until(() -> !seedEvents().isEmpty());
    controller.close();
    controller.close();                                     // and closing twice
  }

  private List<String> seedEvents() {
    return new SeedCluster(client).messages();
  }

  @Test
  void anUnreachableApiServerIsAClearErrorAndLeavesNothingRunning() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).build()).build()) {
      CanaryController controller = CanaryController.create(unreachable,
          readmeConfig(unreachable).build());
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(controller::start).isInstanceOf(ControllerStartException.class)
            .hasMessageStartingWith("cannot reach the Kubernetes API server at http://127.0.0.1:" + port);
        assertThat(controller.isLeading()).isFalse();
      }
      controller.close();
    }
    assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !before.contains(t))
        .extracting(Thread::getName).noneMatch(n -> n.startsWith("canarykit"));
  }

  @Test
  void aMissingCrdIsNamedAndTheSameControllerStartsOnceItIsInstalled() {
    new SeedCluster(client).install(yaml -> yaml);
    // the CRUD mock serves any resource; a real API server answers 404 for a CRD that is not installed
    server.expect().get().withPath("/apis/flagger.app/v1beta1/namespaces/test/metrictemplates?limit=1")
        .andReturn(404, new StatusBuilder().withCode(404).withReason("NotFound").build()).once();
    CanaryController controller = CanaryController.create(client,
        readmeConfig(client).namespace(SeedCluster.NS).build());
    assertThatThrownBy(controller::start).isInstanceOf(ControllerStartException.class)
        .hasMessage("the CustomResourceDefinition metrictemplates.flagger.app is not installed on the "
            + "Kubernetes API server at " + client.getMasterUrl() + " (install Flagger's CRDs, e.g. FlaggerCrds)");
    try (controller) {
      controller.start();
      await().atMost(Duration.ofSeconds(30)).until(controller::isLeading);
    }
  }

  private void onTick(TickReport r) {
    reports.add(r);
    clock.advance(Duration.ofMinutes(1));
  }

  private List<Outcome> metricOutcomes(String metric) {
    return reports.stream().flatMap(r -> r.executions().stream())
        .filter(e -> e.command() instanceof Command.QueryMetric q && q.metric().name().equals(metric))
        .map(e -> e.outcome()).toList();
  }

  /** A MetricTemplate whose query renders the Canary's namespace and target and answers 1 at once. */
  private void template(String namespace, String name, String address, String secret) {
    String secretRef = secret == null ? "" : ", secretRef: {name: " + secret + "}";
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: flagger.app/v1beta1
        kind: MetricTemplate
        metadata: {name: %s, namespace: %s}
        spec:
          provider: {type: prometheus, address: '%s'%s}
          query: absent_over_time(canarykit_never_exported{namespace="{{ namespace }}",workload="{{ target }}"}[{{ interval }}])
        """.formatted(name, namespace, address, secretRef), MetricTemplateResource.class)).create();
  }
}
