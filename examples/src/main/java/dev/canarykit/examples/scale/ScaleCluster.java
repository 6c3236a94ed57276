package dev.canarykit.examples.scale;

import dev.canarykit.examples.demo.CrudMockServer;
import dev.canarykit.examples.demo.RolloutSimulator;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

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
  private ScaleCluster() {}

  /** Serves until standard input closes. */
  public static void main(String[] args) throws Exception {
    int canaries = Integer.parseInt(args[0]);
    Duration interval = Duration.parse("PT" + args[1].toUpperCase(java.util.Locale.ROOT));
    boolean initialized = args.length > 2 && args[2].equals("initialized");
    try (CrudMockServer server = CrudMockServer.start()) {
      KubernetesClient client = server.client();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ScaleFleet.NAMESPACE)
          .endMetadata().build()).create();
      InitializedFleet fleet = new InitializedFleet(server.store(), client, ScaleFleet.NAMESPACE);
      if (initialized) {
        fleet.initialized(canaries, ScaleFleet::name, ScaleFleet::target, i -> ScaleFleet.canary(i, interval),
            Duration.ofMinutes(5));
      } else {
        fleet.load(canaries, ScaleFleet::target, i -> ScaleFleet.canary(i, interval));
      }
      RolloutSimulator rollouts = new RolloutSimulator(client, ScaleFleet.NAMESPACE, Duration.ofMillis(200)).start();
      try {
        System.out.println("PORT " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
          // serve until the harness closes our standard input (or dies)
        }
      } finally {
        rollouts.close();
      }
    }
  }
}
