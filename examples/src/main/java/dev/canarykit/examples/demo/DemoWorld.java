package dev.canarykit.examples.demo;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.internal.AddressMap;
import dev.canarykit.core.webhook.HttpWebhookClient;
import dev.canarykit.istio.CanaryOwners;
import dev.canarykit.istio.IstioTrafficRouter;
import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.prometheus.PrometheusMetricSource;
import dev.canarykit.prometheus.PrometheusServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the demo runs, started in order and closed in reverse: the embedded cluster with the seed's
 * workloads, the rollout simulator, the mesh with its podinfo versions and Istio metrics, a real Prometheus
 * scraping them, the load tester, steady user traffic, and the canarykit controller wired to the real adapters.
 */
final class DemoWorld implements AutoCloseable {
  /** The load tester's address in the seed's webhooks. */
  static final String LOAD_TESTER = "flagger-loadtester.test";
  /** The subfolder of the dump holding the mesh control plane's objects. */
  static final String MESH_DUMP = "mesh-cluster";
  /** Requests per second of user traffic. */
  static final int USER_RATE = 20;

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final DemoLog log;
  private EmbeddedCluster cluster;
  private EmbeddedCluster meshCluster;
  private Mesh mesh;
  private PrometheusServer prometheus;
  private LoadTester loadTester;
  private UserTraffic traffic;
  private CanaryController controller;

  private DemoWorld(DemoLog log) {
    this.log = log;
  }

  /** Checks a time scale against the seed's Canary; the rewritten values. */
  static List<String> checkScale(TimeScale scale) {
    return SeedManifests.check(scale);
  }

  /** Starts the cluster, the workloads and their environment; nothing runs the release yet. */
  static DemoWorld start(Scenario scenario, DemoLog log) {
    return start(scenario, MeshCluster.SAME, log);
  }

  /** Like {@link #start(Scenario, DemoLog)}, with the Istio objects in the workload cluster or behind their own. */
  static DemoWorld start(Scenario scenario, MeshCluster where, DemoLog log) {
    DemoWorld w = new DemoWorld(log);
    try {
      w.startClusters(where);
      w.startAll(scenario);
      return w;
    } catch (RuntimeException e) {
      w.close();
      throw e;
    }
  }

  private void startClusters(MeshCluster where) {
    cluster = add(EmbeddedCluster.start());
    log.info("Kubernetes: embedded API server (fabric8 mock, CRUD) at " + client().getMasterUrl()
        + ", Flagger CRDs, namespaces test and istio-system");
    if (where == MeshCluster.SEPARATE) {
      meshCluster = add(EmbeddedCluster.startMeshControlPlane());
      log.info("Istio control plane: a second embedded API server at " + meshClient().getMasterUrl()
          + " holds every Istio object (the controller writes them through a client of its own)");
    }
  }

  private void startAll(Scenario scenario) {
    new SeedManifests(client()).applyWorkloadsOnly();
    new SeedManifests(meshClient()).applyGateway();
    log.info("Applied deployment/podinfo (stefanprodan/podinfo:3.1.0), hpa/podinfo, gateway/public-gateway");
    RolloutSimulator rollouts = add(new RolloutSimulator(client(), EmbeddedCluster.TEST, Duration.ofMillis(500)))
        .start();
    IstioMetrics metrics = new IstioMetrics();
    MetricsEndpoint endpoint = add(MetricsEndpoint.start(metrics));
    mesh = add(new Mesh(client(), meshClient(), EmbeddedCluster.TEST, rollouts.deployments(), metrics, scenario));
    prometheus = add(PrometheusServer.start(endpoint.target()));
    log.info("Istio mesh: simulated; metrics at http://" + endpoint.target() + "/metrics, scraped every 1s by "
        + "Prometheus at " + prometheus.address());
    loadTester = add(LoadTester.start(mesh));
    log.info("Load tester: http://" + LOAD_TESTER + "/ -> http://" + loadTester.hostPort() + "/");
    traffic = add(new UserTraffic(mesh, "podinfo", USER_RATE)).start();
    log.info("User traffic: " + USER_RATE + " requests/s through public-gateway to podinfo");
  }

  private <T extends AutoCloseable> T add(T c) {
    closeables.add(c);
    return c;
  }

  KubernetesClient client() {
    return cluster.client();
  }

  /** The client of the cluster holding the Istio objects: the mesh control plane's, or the workload cluster's. */
  KubernetesClient meshClient() {
    return meshCluster == null ? client() : meshCluster.client();
  }

  /** Writes the final objects: the workload cluster's into {@code dir}, the mesh cluster's into a subfolder. */
  List<java.nio.file.Path> dump(java.nio.file.Path dir) {
    List<String> namespaces = List.of(EmbeddedCluster.TEST, EmbeddedCluster.ISTIO_SYSTEM);
    List<java.nio.file.Path> files = new ArrayList<>(Dump.write(client(), namespaces, dir));
    if (meshCluster != null) {
      files.addAll(Dump.write(meshClient(), namespaces, dir.resolve(MESH_DUMP)));
    }
    return files;
  }

  void applyCanary(TimeScale scale, boolean judge) {
    List<String> changes = new SeedManifests(client()).applyCanary(scale, judge);
    if (judge) {
      changes.stream().filter(c -> c.startsWith("metadata.annotations.")).forEach(c -> log.info("  " + c));
    }
    log.info("Applied canary/podinfo" + (judge ? " with canarykit's statistical judge" : ""));
  }

  /** Starts canarykit's controller on the {@code test} namespace; events and tick reports go to {@code release}. */
  void startController(ReleaseLog release) {
    var webhooks = HttpWebhookClient.builder()
        .addresses(AddressMap.builder().host(LOAD_TESTER, loadTester.hostPort()).build()).build();
    ControllerConfig config = ControllerConfig.builder()
        .router(new IstioTrafficRouter(meshClient(), CanaryOwners.forClusters(client(), meshClient())))
        .metrics(PrometheusMetricSource.factory())
        .defaultMetricsServer(prometheus.address().toString())
        .webhooks(webhooks).namespace(EmbeddedCluster.TEST).onTick(release).events(release::around)
        .listener(release).build();
    controller = add(CanaryController.create(client(), config)).start();
    log.info("canarykit controller started (Istio router, Prometheus metric source, HTTP webhook client)");
  }

  /** Waits until the Canary's phase is one of {@code phases}; whether it got there in time. */
  boolean awaitPhase(List<String> phases, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (phases.contains(phase())) {
        return true;
      }
      sleep(200);
    }
    return false;
  }

  private String phase() {
    GenericKubernetesResource c = Kinds.of(client(), Kinds.CANARY).inNamespace(EmbeddedCluster.TEST)
        .withName("podinfo").get();
    Object status = c == null ? null : c.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> m && m.get("phase") != null ? m.get("phase").toString() : "";
  }

  /**
   * Sets the image of {@code deployment/podinfo} (the seed's step 7) as {@code kubectl set image} does: a patch of
   * that one field without a resourceVersion, so the rollout simulator's concurrent status writes cannot make it
   * fail with a conflict.
   */
  void setImage(String image) {
    String patch = "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\""
        + image + "\"}]";
    client().apps().deployments().inNamespace(EmbeddedCluster.TEST).withName("podinfo")
        .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
            io.fabric8.kubernetes.client.dsl.base.PatchType.JSON), patch);
  }

  /** Stops the controller and the user traffic; the cluster stays up for the summary and the dump. */
  void stopRelease() {
    if (controller != null) {
      controller.stop();
    }
    traffic.close();
  }

  /** Stops Prometheus and keeps its TSDB in {@code target} (see {@link PrometheusServer#keepData}). */
  void keepTsdb(java.nio.file.Path target) throws java.io.IOException {
    prometheus.keepData(target);
  }

  /** What the user traffic got per version and status. */
  Map<String, Long> served() {
    return traffic == null ? Map.of() : traffic.served();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    List<AutoCloseable> reversed = new ArrayList<>(closeables);
    Collections.reverse(reversed);
    for (AutoCloseable c : reversed) {
      try {
        c.close();
      } catch (Exception e) {
        log.info("closing " + c.getClass().getSimpleName() + " failed: " + e);
      }
    }
  }
}
