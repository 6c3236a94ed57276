package dev.canarykit.examples.scale;

import dev.canarykit.examples.demo.RolloutSimulator;
import dev.canarykit.k8s.FlaggerCrds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The harness's Kubernetes, meant to run in a JVM of its own (so that its CPU is not the controller's): fabric8's
 * mock API server in CRUD mode on a loopback port with Flagger's CRDs, namespace {@value ScaleFleet#NAMESPACE}, N
 * target Deployments (ready) and their Canaries, and a rollout simulator that makes every Deployment the
 * controller writes ready. The fleet is put straight into the mock's store ({@link InitializedFleet}; created
 * through its API, each object costs a scan of the whole store), with {@code initialized} as the third argument
 * already Initialized (primaries, Services and status). Prints {@code PORT <port>} when it serves, and stops when its standard input
 * closes.
 *
 * <pre>{@code java -cp canarykit.jar dev.canarykit.examples.scale.ScaleCluster <canaries> <interval> [initialized|new]}</pre>
 */
public final class ScaleCluster {
  private static final List<Logger> QUIET = List.of(Logger.getLogger("io.fabric8.mockwebserver"),
      Logger.getLogger("io.fabric8.kubernetes.client.server.mock"));

  private ScaleCluster() {}

  /** Serves until standard input closes. */
  public static void main(String[] args) throws Exception {
    int canaries = Integer.parseInt(args[0]);
    Duration interval = Duration.parse("PT" + args[1].toUpperCase(java.util.Locale.ROOT));
    boolean initialized = args.length > 2 && args[2].equals("initialized");
    QUIET.forEach(l -> l.setLevel(Level.WARNING));
    KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher(List.of());
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient client = server.createClient()) {
      FlaggerCrds.load(client.getKubernetesSerialization())
          .forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd).create());
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ScaleFleet.NAMESPACE)
          .endMetadata().build()).create();
      InitializedFleet fleet = new InitializedFleet(dispatcher, client, ScaleFleet.NAMESPACE);
      if (initialized) {
        fleet.initialized(canaries, ScaleFleet::name, ScaleFleet::target, i -> ScaleFleet.canary(i, interval),
            Duration.ofMinutes(5));
      } else {
        fleet.load(canaries, ScaleFleet::target, i -> ScaleFleet.canary(i, interval));
      }
      RolloutSimulator rollouts = new RolloutSimulator(client, ScaleFleet.NAMESPACE, Duration.ofMillis(200)).start();
      try {
        System.out.println("PORT " + server.getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
          // serve until the harness closes our standard input (or dies)
        }
      } finally {
        rollouts.close();
      }
    } finally {
      server.destroy();
    }
  }
}
