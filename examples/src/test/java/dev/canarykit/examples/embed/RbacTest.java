package dev.canarykit.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.ManualClock;
import dev.canarykit.istio.IstioTrafficRouter;
import dev.canarykit.k8s.KubernetesSecretResolver;
import dev.canarykit.k8s.alert.AlertDispatcher;
import dev.canarykit.k8s.alert.AlertProviderLookup;
import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.controller.LeaderElection;
import dev.canarykit.k8s.controller.Sharding;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege RBAC shipped in the jars (canary-k8s: the controller's ClusterRole and its leader-election
 * Role; canary-istio: the router's ClusterRole) against every request the controller's client sends while it runs
 * the seed release with tracked configs, alerts, a template metric, leader election and revertOnDeletion, and then
 * those of a sharded replica taking and giving back its Leases: each request is allowed, and each granted verb is
 * used.
 */
@EnableKubernetesMockClient(crud = true)
class RbacTest {
  static final String CONTROLLER_RBAC = "META-INF/canarykit/rbac/canarykit-controller.yaml";
  static final String ISTIO_RBAC = "META-INF/canarykit/rbac/canarykit-istio.yaml";
  KubernetesClient client;
  KubernetesMockServer server;
  private final ManualClock clock = ManualClock.ofDefaults();

  @Test
  void theShippedRolesAllowEveryRequestOfTheSeedReleaseAndGrantNothingUnused() throws Exception {
    RequestLog log = new RequestLog();
    runSeedRelease(log);
    List<PolicyRule> rules = new ArrayList<>();
    rules.addAll(rules(CONTROLLER_RBAC));
    rules.addAll(rules(ISTIO_RBAC));
    System.out.println("RBAC requests: " + log.distinct());
    assertThat(log.nonResourceRequests()).isEmpty();
    assertThat(log.accesses()).allSatisfy(a -> assertThat(allows(rules, a)).as("%s is allowed", a).isTrue());
    Set<String> granted = new TreeSet<>();
    for (PolicyRule r : rules) {
      for (String g : r.getApiGroups()) {
        for (String res : r.getResources()) {
          r.getVerbs().forEach(v -> granted.add(v + " " + (g.isEmpty() ? "" : g + "/") + res));
        }
      }
    }
    assertThat(granted).as("every grant is used").isEqualTo(log.distinct());
  }

  @Test
  void theReadmeShowsTheShippedRoles() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains(text(CONTROLLER_RBAC)).contains(text(ISTIO_RBAC));
  }

  private void runSeedRelease(RequestLog log) throws Exception {
    SeedCluster seed = new SeedCluster(client).install(yaml -> SeedCluster.withMetrics(
        yaml.replaceFirst("\nspec:\n", "\nspec:\n  revertOnDeletion: true\n"), """
            metrics:
              - name: request-success-rate
                thresholdRange: {min: 99}
                interval: 1m
              - name: error-rate
                templateRef: {name: error-rate, namespace: shop}
                thresholdRange: {max: 1}
            alerts:
              - name: on-call
                severity: info
                providerRef: {name: on-call}
            webhooks:
              - name: acceptance-test
                type: pre-rollout
                url: http://flagger-loadtester.test/
        """));
    configs();
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: flagger.app/v1beta1
        kind: MetricTemplate
        metadata: {name: error-rate, namespace: shop}
        spec:
          provider: {type: prometheus, address: 'http://prometheus.shop:9090'}
          query: sum(rate(errors{namespace="{{ namespace }}"}[{{ interval }}]))
        """, HasMetadata.class)).create();
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: flagger.app/v1beta1
        kind: AlertProvider
        metadata: {name: on-call, namespace: test}
        spec: {type: slack, channel: on-call, secretRef: {name: on-call-hook}}
        """, HasMetadata.class)).create();
    client.resource(new SecretBuilder().withNewMetadata().withName("on-call-hook").withNamespace("test")
        .endMetadata().withStringData(Map.of("address", "http://127.0.0.1:1/hook")).build()).create();
    try (KubernetesClient k8s = log.client(server);
        CanaryController controller = CanaryController.create(k8s, config(k8s)).start()) {
      await().atMost(Duration.ofSeconds(30)).until(controller::isLeading);
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        seed.rollOut();
        return seed.phase() == Phase.INITIALIZED;
      });
      seed.release();
      client.configMaps().inNamespace("test").withName("podinfo-config")
          .edit(c -> new ConfigMapBuilder(c).addToData("color", "green").build());
      client.secrets().inNamespace("test").withName("podinfo-token")
          .edit(c -> new SecretBuilder(c).addToData("token", base64("n3w")).build());
      client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("test").withName("podinfo")
          .edit(h -> { h.getSpec().setMaxReplicas(6); return h; });
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        seed.rollOut();
        return seed.phase() == Phase.SUCCEEDED || seed.phase() == Phase.FAILED;
      });
      assertThat(seed.phase()).as("%s", seed.messages()).isEqualTo(Phase.SUCCEEDED);
      client.resources(CanaryResource.class).inNamespace("test").withName("podinfo").patch(
          io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
              io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
          "{\"spec\":{\"service\":{\"port\":9899,\"trafficPolicy\":{\"tls\":{\"mode\":\"ISTIO_MUTUAL\"}}}}}");
      await().atMost(Duration.ofSeconds(60)).until(() -> client.services().inNamespace("test")
          .withName("podinfo-primary").get().getSpec().getPorts().get(0).getPort() == 9899
          && primaryTlsMode().equals("ISTIO_MUTUAL"));
      client.resource(seed.canary()).delete();
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        seed.rollOut();
        return seed.canary() == null;
      });
    }
    // a replica of a sharded group: takes its shard and presence Leases, and gives them back when it stops
    try (KubernetesClient k8s = log.client(server);
        CanaryController sharded = CanaryController.create(k8s, builder(k8s).sharding(new Sharding("test",
            "canarykit", "canarykit-0", 2, Duration.ofSeconds(10), Duration.ofSeconds(6), Duration.ofSeconds(1)))
            .build()).start()) {
      await().atMost(Duration.ofSeconds(60)).until(sharded::isLeading);
    }
  }

  private String primaryTlsMode() {
    var dr = client.resources(io.fabric8.istio.api.networking.v1.DestinationRule.class).inNamespace("test")
        .withName("podinfo-primary").get();
    var policy = dr == null ? null : dr.getSpec().getTrafficPolicy();
    return policy == null || policy.getTls() == null ? "" : String.valueOf(policy.getTls().getMode());
  }

  private ControllerConfig config(KubernetesClient k8s) {
    return builder(k8s).leaderElection(LeaderElection.of("test", "canarykit-leader", "canarykit-0")).build();
  }

  private ControllerConfig.Builder builder(KubernetesClient k8s) {
    return ControllerConfig.builder()
        .router(new IstioTrafficRouter(k8s))
        .metrics(templateAnswering())
        .webhooks(new InMemoryWebhookClient())
        .events(k8sEvents -> AlertDispatcher.builder(HttpClient.newHttpClient()).delegate(k8sEvents)
            .providers(AlertProviderLookup.kubernetes(k8s)).secrets(new KubernetesSecretResolver(k8s)).build())
        .namespace("test").clock(clock).intervals(c -> Duration.ofMillis(200))
        .onTick(r -> clock.advance(Duration.ofMinutes(1)));
  }

  /** Answers 99.9 for built-ins and 0 for a template metric whose template the controller's lookup finds. */
  private static MetricSource.Factory templateAnswering() {
    return (server, templates, secrets) -> new MetricSource() {
      @Override
      public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
        if (metric.templateRef() == null) {
          return new Outcome.MetricValue(99.9);
        }
        return templates.find(metric.templateRef().namespace(), metric.templateRef().name()).isPresent()
            ? new Outcome.MetricValue(0) : new Outcome.MetricError("template not found", true);
      }

      @Override
      public Outcome.OkResult probe(Canary canary) {
        return Outcome.OK;
      }
    };
  }

  /** A ConfigMap and a Secret the target uses, so the controller tracks and copies them. */
  private void configs() {
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("podinfo-config").withNamespace("test")
        .endMetadata().withData(Map.of("color", "blue")).build()).create();
    client.resource(new SecretBuilder().withNewMetadata().withName("podinfo-token").withNamespace("test")
        .endMetadata().withData(Map.of("token", base64("t0k3n"))).build()).create();
    client.apps().deployments().inNamespace("test").withName("podinfo").edit(d -> {
      var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
      c.setEnvFrom(List.of(new io.fabric8.kubernetes.api.model.EnvFromSourceBuilder().withNewConfigMapRef()
          .withName("podinfo-config").endConfigMapRef().build(), new io.fabric8.kubernetes.api.model
          .EnvFromSourceBuilder().withNewSecretRef().withName("podinfo-token").endSecretRef().build()));
      return d;
    });
  }

  private static String base64(String s) {
    return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private List<PolicyRule> rules(String resource) throws Exception {
    List<PolicyRule> out = new ArrayList<>();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      for (HasMetadata o : client.load(in).items()) {
        if (o instanceof ClusterRole c) {
          out.addAll(c.getRules());
        } else if (o instanceof Role r) {
          out.addAll(r.getRules());
        }
      }
    }
    return out;
  }

  private String text(String resource) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static boolean allows(List<PolicyRule> rules, RequestLog.Access a) {
    return rules.stream().anyMatch(r -> r.getApiGroups().contains(a.group())
        && r.getResources().contains(a.resource()) && r.getVerbs().contains(a.verb()));
  }
}
