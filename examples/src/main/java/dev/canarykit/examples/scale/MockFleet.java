package dev.canarykit.examples.scale;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.controller.ControllerListener;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The fleet on fabric8's mock API server ({@link ScaleCluster}, in a JVM of its own), driven by one
 * {@link CanaryController} at its defaults in this JVM; router, metrics and webhooks are {@link SlowPorts}. Every
 * request of the controller's client is counted.
 */
final class MockFleet implements Fleet {
  private final SlowPorts ports;
  private final ClusterProcess cluster;
  private final KubernetesClient client;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private CanaryController controller;

  private MockFleet(SlowPorts ports, ClusterProcess cluster) {
    this.ports = ports;
    this.cluster = cluster;
    this.client = client(cluster.port());
  }

  /**
   * Starts the mock API server holding {@code canaries} canaries analysed every {@code interval}, already
   * Initialized if {@code initialized}.
   */
  static MockFleet open(int canaries, Duration interval, boolean initialized, SlowPorts ports) throws IOException {
    return new MockFleet(ports, ClusterProcess.start(canaries, interval, initialized));
  }

  @Override
  public void start(ControllerListener lateness, Consumer<TickReport> onTick) {
    ControllerConfig config = ControllerConfig.builder().router(ports.router()).metrics(ports).webhooks(ports)
        .namespace(ScaleFleet.NAMESPACE).controllerListener(lateness).onTick(onTick).build();
    controller = CanaryController.create(client, config).start();
  }

  @Override
  public void release(int n) {
    for (int i = 0; i < n; i++) {
      client.apps().deployments().inNamespace(ScaleFleet.NAMESPACE).withName(ScaleFleet.name(i)).edit(d -> {
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(ScaleFleet.NEW_IMAGE);
        return d;
      });
    }
  }

  @Override
  public long apiRequests() {
    return requests.get();
  }

  @Override
  public long apiWrites() {
    return writes.get();
  }

  @Override
  public Duration serverCpu() {
    return cluster.cpu();
  }

  @Override
  public String whose() {
    return Report.BOTH;
  }

  @Override
  public void close() {
    if (controller != null) {
      controller.close();
    }
    client.close();
    cluster.close();
  }

  /** A client of the mock server whose requests are counted. */
  private KubernetesClient client(int port) {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + port)
        .withNamespace(ScaleFleet.NAMESPACE).withRequestTimeout(60_000).build();
    return new KubernetesClientBuilder().withConfig(config).withHttpClientBuilderConsumer(
        b -> b.addOrReplaceInterceptor("count", new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            requests.incrementAndGet();
            if (!request.method().equals("GET")) {
              writes.incrementAndGet();
            }
          }
        })).build();
  }
}
