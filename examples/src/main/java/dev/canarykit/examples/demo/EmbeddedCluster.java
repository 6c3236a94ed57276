package dev.canarykit.examples.demo;

import dev.canarykit.k8s.FlaggerCrds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo's Kubernetes: fabric8's mock API server in CRUD mode on a loopback port, with Flagger's CRDs (status
 * subresource) and the namespaces {@code test} and {@code istio-system}. Closing it closes the client and stops
 * the server.
 */
final class EmbeddedCluster implements AutoCloseable {
  /** The application's namespace. */
  public static final String TEST = "test";
  /** The mesh's namespace (the gateway). */
  public static final String ISTIO_SYSTEM = "istio-system";

  /** The mock server logs every request at INFO; java.util.logging keeps loggers weakly, so hold them here. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("io.fabric8.mockwebserver"),
      Logger.getLogger("io.fabric8.kubernetes.client.server.mock"));

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private EmbeddedCluster(KubernetesMockServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
  }

  /** Starts the workload cluster's server, registers Flagger's CRDs and creates the namespaces. */
  public static EmbeddedCluster start() {
    return start(true);
  }

  /** Starts a mesh control plane's server (Istio objects only): the namespaces, no Flagger CRDs. */
  public static EmbeddedCluster startMeshControlPlane() {
    return start(false);
  }

  private static EmbeddedCluster start(boolean flaggerCrds) {
    quietMockServerLogs();
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(List.of()), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    KubernetesClient client = server.createClient();
    EmbeddedCluster cluster = new EmbeddedCluster(server, client);
    if (flaggerCrds) {
      FlaggerCrds.load(client.getKubernetesSerialization())
          .forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd).create());
    }
    for (String ns : List.of(TEST, ISTIO_SYSTEM)) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
    return cluster;
  }

  private static void quietMockServerLogs() {
    QUIET.forEach(l -> l.setLevel(Level.WARNING));
  }

  /** The client, owned by this cluster. */
  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
