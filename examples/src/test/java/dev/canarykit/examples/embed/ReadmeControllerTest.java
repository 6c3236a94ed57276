package dev.canarykit.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
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
import dev.canarykit.k8s.controller.LeaderElection;
import dev.canarykit.k8s.metrics.FlaggerMetrics;
import dev.canarykit.k8s.resource.MetricTemplateResource;
import dev.canarykit.prometheus.PrometheusMetricSource;
import dev.canarykit.prometheus.PrometheusServer;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
  private final ManualClock clock = ManualClock.ofDefaults();
  private final List<TickReport> reports = new CopyOnWriteArrayList<>();

  /** The README's configuration; {@code prometheus} is the default metrics server. */
  static ControllerConfig.Builder readmeConfig(KubernetesClient k8s, String prometheus) {
    HttpClient http = HttpClient.newHttpClient();
    var meterRegistry = new SimpleMeterRegistry();
    String podName = "canarykit-0";
    return ControllerConfig.builder()
        .router(new IstioTrafficRouter(k8s))
        .metrics(PrometheusMetricSource.factory())                      // templates and secrets from the cluster
        .defaultMetricsServer(prometheus)
        .webhooks(HttpWebhookClient.builder().build())
        .events(k8sEvents -> AsyncEventSink.builder(                     // closed by the controller when it stops
            AlertDispatcher.builder(http).delegate(k8sEvents).providers(AlertProviderLookup.kubernetes(k8s))
                .secrets(new KubernetesSecretResolver(k8s)).build())
            .build())
        .listener(new FlaggerMetrics(meterRegistry, "canarykit", "istio"))
        .workers(4)
        .leaderElection(LeaderElection.of("test", "canarykit-leader", podName));
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
      ControllerConfig config = readmeConfig(client, prometheus.address().toString())
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
