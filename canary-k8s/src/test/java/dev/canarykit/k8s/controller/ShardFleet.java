package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.ScriptedMetricSource;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.workload.Fixtures;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canaries on one CRUD mock server shared by sharded controllers, each with a client of its own that records the
 * writes it makes, for the shard tests: every tick (start, end) and every side effect on a Canary's objects
 * (status, Deployments, Services, routes, Events) with the controller that made it and a sequence number that
 * orders all of them. A rollout thread plays Kubernetes' Deployment controller.
 */
final class ShardFleet implements AutoCloseable {
  static final String NS = SeedWorld.NS;
  static final String GROUP = "canarykit";
  static final String NEW_IMAGE = "stefanprodan/podinfo:3.1.1";
  private static final Pattern OBJECT = Pattern.compile("/namespaces/" + NS
      + "/(canaries|deployments|services)/([^/]+?)(-primary|-canary)?(/status)?$");
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

  /**
   * One tick of the driver: which controller ran it on which Canary, from its start to its report, and the status
   * it decided ({@code null} when it decided none).
   */
  record Tick(String controller, String canary, Instant start, Instant end, long seq, CanaryStatus status) {
    /** The phase decided, or null. */
    Phase phase() {
      return status == null ? null : status.phase();
    }
  }

  /** A side effect on a Canary's objects that completed at {@code at}, {@code seq}-th of everything recorded. */
  record Write(String controller, String canary, Instant at, String what, long seq) {}

  final List<Tick> ticks = new CopyOnWriteArrayList<>();
  final List<Write> writes = new CopyOnWriteArrayList<>();
  final List<Write> events = new CopyOnWriteArrayList<>();
  final Routers routers = new Routers();
  final ScriptedMetricSource metrics = new ScriptedMetricSource().fix("request-success-rate", 99.9)
      .fix("request-duration", 120);
  final InMemoryWebhookClient webhooks = new InMemoryWebhookClient();
  private final AtomicLong order = new AtomicLong();
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final Map<String, KubernetesClient> clients = new java.util.concurrent.ConcurrentHashMap<>();
  private final ScheduledExecutorService rollouts = Executors.newSingleThreadScheduledExecutor();

  ShardFleet(KubernetesMockServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  /** The next number in the order of everything this fleet records (for the test's own observations too). */
  long next() {
    return order.incrementAndGet();
  }

  /**
   * A controller {@code id} with a client of its own (closed with this fleet), ticking every {@code interval} and
   * recording what it does; {@code extra} (or {@code null}) also intercepts its client's requests.
   */
  CanaryController controller(String id, Sharding sharding, Duration interval, Interceptor extra) {
    return controller(id, sharding, interval, extra, UnaryOperator.identity());
  }

  /** The same, with {@code more} of the configuration (e.g. a limit on concurrent analyses). */
  CanaryController controller(String id, Sharding sharding, Duration interval, Interceptor extra,
      UnaryOperator<ControllerConfig.Builder> more) {
    KubernetesClient own = recordingClient(id, extra);
    clients.put(id, own);
    closing.add(own);
    CanaryController c = CanaryController.create(own, more.apply(ControllerConfig.builder()
        .router(new RecordingRouter(id)).metrics(metrics).webhooks(webhooks)
        .events(k8s -> (canary, status, event) -> events.add(new Write(id, canary.name(), Instant.now(),
            event.message(), next())))
        .namespace(NS).intervals(x -> interval).sharding(sharding)
        .onTick(r -> ticks.add(new Tick(id, r.canary().name(), r.now(), Instant.now(), next(),
            r.finalStatus())))).build());
    closing.add(0, c);
    return c;
  }

  /** The client of controller {@code id}. */
  KubernetesClient clientOf(String id) {
    return clients.get(id);
  }

  /** Creates each target and its Canary (the seed's, analysed every 2 s) and rolls Deployments out from now on. */
  void create(List<String> names) {
    create(names, UnaryOperator.identity());
  }

  /** The same, each Canary's YAML first changed by {@code yaml} (e.g. fewer analysis steps). */
  void create(List<String> names, UnaryOperator<String> yaml) {
    names.forEach(n -> createTargetAndCanary(n, yaml));
    rollOutOnChange();
  }

  /** Gives each canary the new image, again when the rollout thread or a controller wrote the Deployment between. */
  void release(List<String> names) {
    for (String name : names) {
      await().atMost(Duration.ofSeconds(30)).ignoreException(KubernetesClientException.class).until(() -> {
        Fixtures.setImage(client, NS, name, NEW_IMAGE);
        return true;
      });
    }
  }

  /** Each Canary's phase on the server. */
  Map<String, Phase> phases(List<String> names) {
    Map<String, Phase> out = new TreeMap<>();
    for (CanaryResource r : client.resources(CanaryResource.class).inNamespace(NS).list().getItems()) {
      out.put(r.getMetadata().getName(), r.getStatus() == null ? null
          : CanaryStatusMapping.toCore(r.getStatus()).phase());
    }
    assertThat(out.keySet()).containsAll(names);
    return out;
  }

  /** Shard to holder as the shard Leases on the server say. */
  Map<Integer, String> leaseHolders() {
    Map<Integer, String> out = new TreeMap<>();
    for (Lease l : client.resources(Lease.class).inNamespace(NS).withLabel(Sharding.GROUP_LABEL, GROUP)
        .list().getItems()) {
      String name = l.getMetadata().getName();
      if (name.startsWith(GROUP + "-shard-")) {
        out.put(Integer.parseInt(name.substring((GROUP + "-shard-").length())), l.getSpec().getHolderIdentity());
      }
    }
    return out;
  }

  /** Each Canary's new revision was copied to its primary exactly once, and the primary runs it. */
  void assertPromotedOnce(List<String> names) {
    Map<String, List<String>> messages = new TreeMap<>();
    events.forEach(e -> messages.computeIfAbsent(e.canary(), n -> new ArrayList<>()).add(e.what()));
    for (String n : names) {
      assertThat(messages.get(n)).as("events of %s", n)
          .containsOnlyOnce("Copying " + n + ".test template spec to " + n + "-primary.test")
          .filteredOn(m -> m.startsWith("Copying") || m.startsWith("Promotion completed")).hasSize(2);
      Deployment primary = client.apps().deployments().inNamespace(NS).withName(n + "-primary").get();
      assertThat(primary.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(NEW_IMAGE);
    }
  }

  /** The shards the controllers hold together. */
  static Set<Integer> held(List<CanaryController> controllers) {
    Set<Integer> all = new TreeSet<>();
    controllers.forEach(c -> all.addAll(c.heldShards()));
    return all;
  }

  /** The writes and the Events recorded so far, together. */
  List<Write> sideEffects() {
    List<Write> all = new ArrayList<>(writes);
    all.addAll(events);
    return all;
  }

  /**
   * No side effect lands on a Canary while another controller ticks it, nor within {@code before} ahead of such a
   * tick.
   */
  void assertNoWriteNear(Duration before) {
    Map<String, List<Tick>> byCanary = new TreeMap<>();
    ticks.forEach(t -> byCanary.computeIfAbsent(t.canary(), k -> new ArrayList<>()).add(t));
    for (Write w : sideEffects()) {
      for (Tick t : byCanary.getOrDefault(w.canary(), List.of())) {
        if (!t.controller().equals(w.controller())) {
          boolean near = !w.at().isBefore(t.start().minus(before)) && !w.at().isAfter(t.end());
          assertThat(near).as("%s while or just before %s", w, t).isFalse();
        }
      }
    }
  }

  @Override
  public void close() {
    rollouts.shutdownNow();
    for (AutoCloseable c : closing) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + c, e);
      }
    }
  }

  private KubernetesClient recordingClient(String id, Interceptor extra) {
    Interceptor recording = new Interceptor() {
      @Override
      public void after(HttpRequest request, HttpResponse<?> response,
          AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        Matcher m = OBJECT.matcher(request.uri().getPath());
        if (!request.method().equals("GET") && response.code() < 300 && m.find()) {
          writes.add(new Write(id, m.group(2), Instant.now(), request.method() + " " + request.uri().getPath(),
              next()));
        }
      }
    };
    return server.createClient(b -> b.withHttpClientBuilderConsumer(hb -> {
      hb.addOrReplaceInterceptor("writes", recording);
      if (extra != null) {
        hb.addOrReplaceInterceptor("extra", extra);
      }
    }));
  }

  /** The shared routes, recording each change one controller makes. */
  private final class RecordingRouter implements TrafficRouter {
    private final String id;

    RecordingRouter(String id) {
      this.id = id;
    }

    private Outcome.OkResult record(Canary canary, String what, Outcome.OkResult result) {
      writes.add(new Write(id, canary.name(), Instant.now(), what, next()));
      return result;
    }

    @Override
    public Outcome.OkResult reconcile(Canary canary) {
      return record(canary, "reconcile routes", routers.reconcile(canary));
    }

    @Override
    public Outcome.RoutesResult readRoutes(Canary canary) {
      return routers.readRoutes(canary);
    }

    @Override
    public Outcome.OkResult setRoutes(Canary canary, Command.SetRoutes set) {
      return record(canary, "set routes " + set.routes(), routers.setRoutes(canary, set));
    }

    @Override
    public Outcome.OkResult revert(Canary canary) {
      return record(canary, "revert routes", routers.revert(canary));
    }
  }

  /** What the mock's Deployment controller would do: every Deployment whose spec changed becomes ready. */
  private void rollOutOnChange() {
    var informer = client.apps().deployments().inNamespace(NS).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Deployment d) {
        rollOut(d);
      }

      @Override
      public void onUpdate(Deployment old, Deployment d) {
        rollOut(d);
      }

      @Override
      public void onDelete(Deployment d, boolean unknownFinalState) {}
    });
    closing.add(informer::close);
  }

  private void rollOut(Deployment d) {
    var s = d.getStatus();
    if (s == null || !d.getMetadata().getGeneration().equals(s.getObservedGeneration())
        || !Objects.equals(s.getReadyReplicas(), d.getSpec().getReplicas())) {
      rollouts.execute(() -> {
        try {
          Fixtures.makeReady(client, NS, d.getMetadata().getName());
        } catch (RuntimeException e) {
          rollouts.schedule(() -> rollOut(d), 500, TimeUnit.MILLISECONDS); // a conflict: try again
        }
      });
    }
  }

  private void createTargetAndCanary(String name, UnaryOperator<String> change) {
    Deployment podinfo = Fixtures.podinfo(NS);
    client.resource(new DeploymentBuilder(podinfo).editMetadata().withName(name).withLabels(Map.of("app", name))
        .endMetadata().editSpec().editSelector().withMatchLabels(Map.of("app", name)).endSelector()
        .editTemplate().editMetadata().withLabels(Map.of("app", name)).endMetadata().endTemplate().endSpec()
        .build()).create();
    String yaml = seedYaml().replaceAll("(?s)  autoscalerRef:.*?name: podinfo\n", "")
        .replace("interval: 1m\n    # max number", "interval: 2s\n    # max number")
        .replace("name: podinfo", "name: " + name);
    client.resource(client.getKubernetesSerialization().unmarshal(change.apply(yaml), CanaryResource.class))
        .create();
  }

  private static String seedYaml() {
    try (InputStream in = ShardFleet.class.getResourceAsStream("/flagger/podinfo-canary.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
