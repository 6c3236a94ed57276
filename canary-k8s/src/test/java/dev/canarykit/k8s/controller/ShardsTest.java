package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.testing.InMemoryWebhookClient;
import dev.canarykit.core.testing.ScriptedMetricSource;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.status.Canaries;
import dev.canarykit.k8s.workload.Fixtures;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three controllers, each with its own client, share 60 Canaries through 6 shard Leases on one mock server. Once
 * they hold two shards each, the Canaries are created and initialized, then every one gets a new revision;
 * mid-release one controller dies without giving its Leases back (its client is closed first, as when its pod is
 * killed). The two others take its shards over once the Leases expire (within the lease duration plus a margin),
 * every release finishes with exactly one promotion per Canary, and no Canary is ticked by two controllers at
 * once: the test records every tick (start and end) and every write (status, workloads, services, routes, events)
 * with the controller that made it, and no controller writes a Canary's objects while another ticks that Canary or
 * within one tick interval before. (A tick that lost its shard may still be reading when the next holder starts;
 * it can no longer write.) The mock server serves about 30 requests a second on a loaded machine, hence the
 * in-memory events and generous bounds.
 */
@EnableKubernetesMockClient(crud = true)
class ShardsTest {
  private static final String NS = SeedWorld.NS;
  private static final int CANARIES = 60;
  private static final int SHARDS = 6;
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration LEASE = Duration.ofSeconds(10);
  /** The take-over must come within the lease duration plus this (two rounds, a loaded machine). */
  private static final Duration TAKE_OVER_MARGIN = Duration.ofSeconds(15);
  private static final Pattern OBJECT = Pattern.compile("/namespaces/" + NS
      + "/(canaries|deployments|services)/([^/]+?)(-primary|-canary)?(/status)?$");
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");
  KubernetesClient client;
  KubernetesMockServer server;
  private final List<Tick> ticks = new CopyOnWriteArrayList<>();
  private final List<Write> writes = new CopyOnWriteArrayList<>();
  private final List<Write> events = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final ScheduledExecutorService rollouts = Executors.newSingleThreadScheduledExecutor();

  /** One tick of the driver: which controller ran it on which Canary, from its start to its report. */
  record Tick(String controller, String canary, Instant start, Instant end) {}

  /** A side effect on a Canary's objects that completed at {@code at}. */
  record Write(String controller, String canary, Instant at, String what) {}

  @AfterEach
  void closeAll() throws Exception {
    rollouts.shutdownNow();
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void threeReplicasShareTheCanariesAndTheSurvivorsFinishADeadOnesReleases() throws Exception {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    List<String> names = IntStream.range(0, CANARIES).mapToObj(i -> "app-" + i).toList();
    Canaries.installCrds(client);
    Routers routers = new Routers();
    ScriptedMetricSource metrics = new ScriptedMetricSource().fix("request-success-rate", 99.9)
        .fix("request-duration", 120);
    InMemoryWebhookClient webhooks = new InMemoryWebhookClient();
    List<String> ids = List.of("replica-a", "replica-b", "replica-c");
    List<KubernetesClient> clients = new ArrayList<>();
    List<CanaryController> controllers = new ArrayList<>();
    for (String id : ids) {
      KubernetesClient own = recordingClient(id);
      clients.add(own);
      closing.add(own);
      CanaryController c = CanaryController.create(own, ControllerConfig.builder()
          .router(new RecordingRouter(id, routers)).metrics(metrics).webhooks(webhooks)
          .events(k8s -> (canary, status, event) -> events.add(new Write(id, canary.name(), Instant.now(),
              event.message())))
          .namespace(NS).intervals(x -> INTERVAL)
          .sharding(new Sharding(NS, "canarykit", id, SHARDS, LEASE, Duration.ofSeconds(7), Duration.ofSeconds(2)))
          .onTick(r -> ticks.add(new Tick(id, r.canary().name(), r.now(), Instant.now()))).build());
      controllers.add(c);
      closing.add(0, c);
    }
    CompletableFuture.allOf(controllers.stream().map(c -> CompletableFuture.runAsync(c::start))
        .toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
        controllers.stream().allMatch(c -> c.heldShards().size() == SHARDS / ids.size())
            && held(controllers).size() == SHARDS);
    names.forEach(this::createTargetAndCanary);
    rollOutOnChange();
    assertThat(leaseHolders()).as("each shard's Lease names the replica that ticks it")
        .isEqualTo(holders(controllers, ids));
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .until(() -> phases(names).values().stream().allMatch(p -> p == Phase.INITIALIZED));

    names.forEach(this::release);
    CanaryController victim = controllers.get(0);
    Set<String> victims = names.stream().filter(n -> victim.heldShards().contains(shard(n))).collect(
        Collectors.toCollection(TreeSet::new));
    assertThat(victims).isNotEmpty();
    Set<Phase> midRelease = Set.of(Phase.PROGRESSING, Phase.PROMOTING, Phase.FINALISING);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
        phases(names).entrySet().stream().filter(e -> victims.contains(e.getKey()))
            .allMatch(e -> midRelease.contains(e.getValue())));

    Instant killed = Instant.now();
    clients.get(0).close(); // the pod dies: nothing it does reaches the API server any more
    victim.close();
    Instant victimStopped = Instant.now();
    List<CanaryController> survivors = controllers.subList(1, 3);
    await().atMost(LEASE.plus(TAKE_OVER_MARGIN)).pollInterval(Duration.ofMillis(200))
        .until(() -> held(survivors).size() == SHARDS);
    Duration takeOver = Duration.between(killed, Instant.now());
    assertThat(leaseHolders()).isEqualTo(holders(survivors, ids.subList(1, 3)));

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> phases(names).values().stream().allMatch(p -> p == Phase.SUCCEEDED));
    controllers.forEach(CanaryController::close);

    assertThat(takeOver).as("take-over after %s", takeOver).isLessThan(LEASE.plus(TAKE_OVER_MARGIN));
    assertPromotedOnce(names);
    assertThat(writes).as("the client records writes").anySatisfy(w -> assertThat(w.what()).contains("PATCH"));
    assertThat(writes).filteredOn(w -> w.controller().equals(ids.get(0)))
        .allSatisfy(w -> assertThat(w.at()).isBefore(victimStopped));
    assertThat(ticks).as("the survivors finished the dead replica's releases")
        .filteredOn(t -> victims.contains(t.canary()) && t.start().isAfter(victimStopped)).isNotEmpty();
    List<Write> all = new ArrayList<>(writes);
    all.addAll(events);
    assertNoWriteNear(all, INTERVAL);
  }

  /** Each Canary's new revision was copied to its primary exactly once, and the primary runs it. */
  private void assertPromotedOnce(List<String> names) {
    Map<String, List<String>> messages = new TreeMap<>();
    events.forEach(e -> messages.computeIfAbsent(e.canary(), n -> new ArrayList<>()).add(e.what()));
    for (String n : names) {
      assertThat(messages.get(n)).as("events of %s", n)
          .containsOnlyOnce("Copying " + n + ".test template spec to " + n + "-primary.test")
          .filteredOn(m -> m.startsWith("Copying") || m.startsWith("Promotion completed")).hasSize(2);
      Deployment primary = client.apps().deployments().inNamespace(NS).withName(n + "-primary").get();
      assertThat(primary.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
          .isEqualTo("stefanprodan/podinfo:3.1.1");
    }
  }

  /** No write lands while another controller ticks the same Canary, nor within {@code before} ahead of such a tick. */
  private void assertNoWriteNear(List<Write> all, Duration before) {
    Map<String, List<Tick>> byCanary = ticks.stream()
        .collect(Collectors.groupingBy(Tick::canary, TreeMap::new, Collectors.toList()));
    for (Write w : all) {
      for (Tick t : byCanary.getOrDefault(w.canary(), List.of())) {
        if (!t.controller().equals(w.controller())) {
          boolean near = !w.at().isBefore(t.start().minus(before)) && !w.at().isAfter(t.end());
          assertThat(near).as("%s while or just before %s", w, t).isFalse();
        }
      }
    }
  }

  /** A client of the mock server that records each write it makes to a Canary's objects. */
  private KubernetesClient recordingClient(String id) {
    return server.createClient(b -> b.withHttpClientBuilderConsumer(hb -> hb.addOrReplaceInterceptor("writes",
        new Interceptor() {
          @Override
          public void after(HttpRequest request, HttpResponse<?> response,
              AsyncBody.Consumer<List<ByteBuffer>> consumer) {
            Matcher m = OBJECT.matcher(request.uri().getPath());
            if (!request.method().equals("GET") && response.code() < 300 && m.find()) {
              writes.add(new Write(id, m.group(2), Instant.now(), request.method() + " " + request.uri().getPath()));
            }
          }
        })));
  }

  /** The shared routes, recording each change one controller makes. */
  private final class RecordingRouter implements TrafficRouter {
    private final String id;
    private final TrafficRouter routes;

    RecordingRouter(String id, TrafficRouter routes) {
      this.id = id;
      this.routes = routes;
    }

    private Outcome.OkResult record(Canary canary, String what, Outcome.OkResult result) {
      writes.add(new Write(id, canary.name(), Instant.now(), what));
      return result;
    }

    @Override
    public Outcome.OkResult reconcile(Canary canary) {
      return record(canary, "reconcile routes", routes.reconcile(canary));
    }

    @Override
    public Outcome.RoutesResult readRoutes(Canary canary) {
      return routes.readRoutes(canary);
    }

    @Override
    public Outcome.OkResult setRoutes(Canary canary, Command.SetRoutes set) {
      return record(canary, "set routes " + set.routes(), routes.setRoutes(canary, set));
    }

    @Override
    public Outcome.OkResult revert(Canary canary) {
      return record(canary, "revert routes", routes.revert(canary));
    }
  }

  private static Set<Integer> held(List<CanaryController> controllers) {
    Set<Integer> all = new TreeSet<>();
    controllers.forEach(c -> all.addAll(c.heldShards()));
    return all;
  }

  /** Shard to holder as the controllers see it. */
  private static Map<Integer, String> holders(List<CanaryController> controllers, List<String> ids) {
    Map<Integer, String> out = new TreeMap<>();
    for (int i = 0; i < controllers.size(); i++) {
      String id = ids.get(i);
      controllers.get(i).heldShards().forEach(s -> out.put(s, id));
    }
    return out;
  }

  /** Shard to holder as the shard Leases on the server say. */
  private Map<Integer, String> leaseHolders() {
    Map<Integer, String> out = new TreeMap<>();
    for (Lease l : client.resources(Lease.class).inNamespace(NS).withLabel(Sharding.GROUP_LABEL, "canarykit")
        .list().getItems()) {
      String name = l.getMetadata().getName();
      if (name.startsWith("canarykit-shard-")) {
        out.put(Integer.parseInt(name.substring("canarykit-shard-".length())), l.getSpec().getHolderIdentity());
      }
    }
    return out;
  }

  private static int shard(String canary) {
    return Sharding.shardOf(NS + "/" + canary, SHARDS);
  }

  private Map<String, Phase> phases(List<String> names) {
    Map<String, Phase> out = new TreeMap<>();
    for (CanaryResource r : client.resources(CanaryResource.class).inNamespace(NS).list().getItems()) {
      out.put(r.getMetadata().getName(), r.getStatus() == null ? null
          : CanaryStatusMapping.toCore(r.getStatus()).phase());
    }
    assertThat(out.keySet()).containsAll(names);
    return out;
  }

  /** Sets the new image, again when the rollout thread or a controller wrote the Deployment in between. */
  private void release(String name) {
    await().atMost(Duration.ofSeconds(30)).ignoreException(io.fabric8.kubernetes.client.KubernetesClientException.class)
        .until(() -> {
          Fixtures.setImage(client, NS, name, "stefanprodan/podinfo:3.1.1");
          return true;
        });
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
        || !java.util.Objects.equals(s.getReadyReplicas(), d.getSpec().getReplicas())) {
      rollouts.execute(() -> {
        try {
          Fixtures.makeReady(client, NS, d.getMetadata().getName());
        } catch (RuntimeException e) {
          rollouts.schedule(() -> rollOut(d), 500, TimeUnit.MILLISECONDS); // a conflict: try again
        }
      });
    }
  }

  private void createTargetAndCanary(String name) {
    Deployment podinfo = Fixtures.podinfo(NS);
    client.resource(new DeploymentBuilder(podinfo).editMetadata().withName(name).withLabels(Map.of("app", name))
        .endMetadata().editSpec().editSelector().withMatchLabels(Map.of("app", name)).endSelector()
        .editTemplate().editMetadata().withLabels(Map.of("app", name)).endMetadata().endTemplate().endSpec()
        .build()).create();
    String yaml = seedYaml().replaceAll("(?s)  autoscalerRef:.*?name: podinfo\n", "")
        .replace("interval: 1m\n    # max number", "interval: 2s\n    # max number")
        .replace("name: podinfo", "name: " + name);
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, CanaryResource.class)).create();
  }

  private static String seedYaml() {
    try (InputStream in = ShardsTest.class.getResourceAsStream("/flagger/podinfo-canary.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
