package dev.canarykit.examples.demo;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

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

  private final CrudMockServer server;

  private EmbeddedCluster(CrudMockServer server) {
    this.server = server;
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
    CrudMockServer server = flaggerCrds ? CrudMockServer.start() : CrudMockServer.startWithoutCrds();
    for (String ns : List.of(TEST, ISTIO_SYSTEM)) {
      server.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
          .build()).create();
    }
    return new EmbeddedCluster(server);
  }

  /** The client, owned by this cluster. */
  public KubernetesClient client() {
    return server.client();
  }

  @Override
  public void close() {
    server.close();
  }
}
