package dev.canarykit.examples.bench;

import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.ScriptedMetricSource;
import dev.canarykit.examples.demo.CrudMockServer;
import dev.canarykit.examples.scale.InitializedFleet;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.controller.ControllerListener;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The controller's own cost at scale, on fabric8's mock API server in CRUD mode in this JVM, with in-memory routes,
 * metrics and webhooks. The Canaries (seed spec, each with its own Deployment) are put straight into the mock's store
 * ({@link InitializedFleet}), since creating them through its API scans the whole store per object.
 *
 * <ul>
 *   <li>{@code takeover N R}: starts a controller on N Canaries R times; prints the take-over time
 *       ({@code ControllerListener.tookOver}: from the list of the cached Canaries until every one is scheduled,
 *       the informers' start excluded) of each start and their median.
 *   <li>{@code idle N SECONDS}: N canaries loaded Initialized (with their primaries and Services) and ticked every
 *       second; 20 s after the start, measures this process' CPU time per idle tick over SECONDS (the mock server
 *       answers no request while the fleet is idle).
 * </ul>
 *
 * <pre>{@code scripts/controller-bench.sh takeover 10000 3}</pre>
 */
public final class ControllerBench {
  private static final String NS = "test";
  private static final String CANARY = resource("/seed/podinfo-canary.yaml")
      .replaceAll("(?m)^  autoscalerRef:\n(    .*\n)+", "");
  private static final String DEPLOYMENT = resource("/seed/podinfo-deployment.yaml");

  private ControllerBench() {}

  /** {@code takeover N R} or {@code idle N SECONDS}. */
  public static void main(String[] args) throws Exception {
    int canaries = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    try (CrudMockServer server = CrudMockServer.start()) {
      KubernetesClient client = server.client();
      var json = client.getKubernetesSerialization();
      IntFunction<String> name = i -> String.format(Locale.ROOT, "app-%05d", i);
      IntFunction<Deployment> target = i -> json.unmarshal(DEPLOYMENT.replace("podinfo", name.apply(i)), Deployment.class);
      IntFunction<CanaryResource> canary = i -> json.unmarshal(CANARY.replace("podinfo", name.apply(i)),
          CanaryResource.class);
      InitializedFleet fleet = new InitializedFleet(server.store(), client, NS);
      if (args[0].equals("takeover")) {
        fleet.load(canaries, target, canary);
        takeOver(client, canaries, n);
      } else {
        fleet.initialized(canaries, name, target, canary, Duration.ofMinutes(5));
        idle(client, canaries, n);
      }
    }
    System.exit(0);
  }

  private static void takeOver(KubernetesClient client, int canaries, int repeats) throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      CompletableFuture<Duration> took = new CompletableFuture<>();
      ControllerListener listener = new ControllerListener() {
        @Override
        public void tookOver(int count, Duration d) {
          took.complete(d);
        }
      };
      try (CanaryController c = CanaryController.create(client, config(listener, t -> {}).build())) {
        c.start();
        long ms = took.get(10, TimeUnit.MINUTES).toMillis();
        millis.add(ms);
        System.out.printf(Locale.ROOT, "TAKEOVER canaries=%d run=%d ms=%d%n", canaries, i + 1, ms);
      }
    }
    millis.sort(null);
    System.out.printf(Locale.ROOT, "TAKEOVER canaries=%d median-ms=%d%n", canaries, millis.get(millis.size() / 2));
  }

  private static void idle(KubernetesClient client, int canaries, int seconds) throws Exception {
    AtomicLong ticks = new AtomicLong();
    var config = config(ControllerListener.NOOP, t -> ticks.incrementAndGet()).intervals(c -> Duration.ofSeconds(1));
    try (CanaryController c = CanaryController.create(client, config.build())) {
      c.start();
      Thread.sleep(20_000); // the take-over's fresh status reads and the JIT settle
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu = os.getProcessCpuTime();
      long before = ticks.get();
      Thread.sleep(seconds * 1000L);
      long n = ticks.get() - before;
      double micros = (os.getProcessCpuTime() - cpu) / 1000.0 / Math.max(1, n);
      System.out.printf(Locale.ROOT, "IDLE canaries=%d initialized=%d ticks=%d cpu-us-per-tick=%.1f%n", canaries,
          initialized(client), n, micros);
      if (initialized(client) != canaries) {
        throw new IllegalStateException("only " + initialized(client) + " of " + canaries + " canaries Initialized");
      }
    }
  }

  private static ControllerConfig.Builder config(ControllerListener listener,
      java.util.function.Consumer<dev.canarykit.core.driver.TickReport> onTick) {
    return ControllerConfig.builder().router(new PerCanaryRouter()).metrics(new ScriptedMetricSource()
        .fix("request-success-rate", 99.9).fix("request-duration", 100)).webhooks(new InMemoryWebhookClient())
        .namespace(NS).controllerListener(listener).onTick(onTick);
  }

  private static long initialized(KubernetesClient client) {
    return client.resources(CanaryResource.class).inNamespace(NS).list().getItems().stream()
        .filter(r -> r.getStatus() != null
            && CanaryStatusMapping.toCore(r.getStatus()).phase() == dev.canarykit.core.model.Phase.INITIALIZED)
        .count();
  }

  private static String resource(String path) {
    try (InputStream in = ControllerBench.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An in-memory route per canary. */
  private static final class PerCanaryRouter implements dev.canarykit.core.port.TrafficRouter {
    private final java.util.Map<String, dev.canarykit.core.testing.InMemoryTrafficRouter> routes =
        new java.util.concurrent.ConcurrentHashMap<>();

    private dev.canarykit.core.testing.InMemoryTrafficRouter of(dev.canarykit.core.model.Canary canary) {
      return routes.computeIfAbsent(canary.qualifiedName(), k -> new dev.canarykit.core.testing.InMemoryTrafficRouter());
    }

    @Override
    public dev.canarykit.core.analysis.Outcome.OkResult reconcile(dev.canarykit.core.model.Canary canary) {
      return of(canary).reconcile(canary);
    }

    @Override
    public dev.canarykit.core.analysis.Outcome.RoutesResult readRoutes(dev.canarykit.core.model.Canary canary) {
      return of(canary).readRoutes(canary);
    }

    @Override
    public dev.canarykit.core.analysis.Outcome.OkResult setRoutes(dev.canarykit.core.model.Canary canary,
        dev.canarykit.core.analysis.Command.SetRoutes routes) {
      return of(canary).setRoutes(canary, routes);
    }

    @Override
    public dev.canarykit.core.analysis.Outcome.OkResult revert(dev.canarykit.core.model.Canary canary) {
      return of(canary).revert(canary);
    }
  }
}
