package dev.canarykit.examples.demo;

import dev.canarykit.k8s.FlaggerCrds;
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
 * The demo's and the harnesses' Kubernetes: fabric8's mock API server in CRUD mode on a loopback port, optionally
 * with Flagger's CRDs (status subresource), its per-request logging quietened, and a client of it. Closing closes
 * the client and stops the server.
 */
public final class CrudMockServer implements AutoCloseable {
  /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("io.fabric8.mockwebserver"),
      Logger.getLogger("io.fabric8.kubernetes.client.server.mock"));

  private final KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher(List.of());
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private CrudMockServer(boolean flaggerCrds) {
    QUIET.forEach(l -> l.setLevel(Level.WARNING));
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    if (!flaggerCrds) {
      return;
    }
    FlaggerCrds.load(client.getKubernetesSerialization())
        .forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd).create());
  }

  /** Starts a server with Flagger's CRDs installed. */
  public static CrudMockServer start() {
    return new CrudMockServer(true);
  }

  /** Starts a server without Flagger's CRDs (a mesh control plane's: Istio objects only). */
  public static CrudMockServer startWithoutCrds() {
    return new CrudMockServer(false);
  }

  /** A client of this server. */
  public KubernetesClient client() {
    return client;
  }

  /** The loopback port it serves on. */
  public int port() {
    return server.getPort();
  }

  /** The server's store, for harnesses that load objects straight into it rather than through its API. */
  public KubernetesCrudDispatcher store() {
    return dispatcher;
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      server.destroy();
    }
  }
}
