package dev.canarykit.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.status.Canaries;
import dev.canarykit.k8s.workload.Fixtures;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The limit on concurrent analyses: 30 canaries get a new revision at once with a limit of 5. Never more than 5
 * analyse, every one finishes, they start in order of arrival, and the Events of those that wait say why and where
 * they are in the queue. The controller runs on the mock server in CRUD mode with in-memory routes, metrics and
 * webhooks; each canary has its own Deployment.
 */
@EnableKubernetesMockClient(crud = true)
class AnalysisLimitTest {
  private static final int CANARIES = 30;
  private static final int LIMIT = 5;
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");
  /** The seed Canary's YAML (test resource flagger/podinfo-canary.yaml). */
  private static final String SEED = seedYaml();
  KubernetesClient client;

  private static String seedYaml() {
    try (var in = AnalysisLimitTest.class.getResourceAsStream("/flagger/podinfo-canary.yaml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void thirtyNewRevisionsWithALimitOfFiveAnalyseFiveAtATimeInOrderOfArrival() {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    SeedWorld w = new SeedWorld(client);
    client.resource(Canaries.seed(client)).delete();
    List<String> names = IntStream.range(0, CANARIES).mapToObj(i -> String.format("app-%02d", i)).toList();
    names.forEach(this::create);
    Analysing analysing = new Analysing();
    Queue queue = new Queue();
    var config = w.config(c -> Duration.ofSeconds(1)).router(new Routers()).workers(2)
        .maxConcurrentAnalyses(LIMIT).controllerListener(queue).onTick(r -> {
          w.clock.advance(Duration.ofMinutes(1));
          analysing.ticked(r.canary().name(), r.finalStatus() == null ? null : r.finalStatus().phase());
        }).build();
    try (CanaryController c = CanaryController.create(client, config).start()) {
      assertThat(c.isLeading()).isTrue();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
          .until(() -> rollOut() && phases().values().stream().allMatch(p -> p == Phase.INITIALIZED)
              && phases().size() == CANARIES);

      names.forEach(n -> Fixtures.setImage(client, SeedWorld.NS, n, "stefanprodan/podinfo:3.1.1"));
      await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
          .until(() -> rollOut() && phases().values().stream().allMatch(p -> p == Phase.SUCCEEDED));
    }

    assertThat(analysing.max()).as("canaries in analysis at once").isEqualTo(LIMIT);
    assertThat(queue.admitted()).as("every canary started once").hasSize(CANARIES).doesNotHaveDuplicates();
    assertThat(queue.admitted()).as("started in order of arrival").containsExactlyElementsOf(queue.arrived());
    assertThat(queue.waited()).as("canaries that waited").hasSizeGreaterThanOrEqualTo(CANARIES - LIMIT);

    assertWaitedWithEvents(slotEvents(), queue, LIMIT);
  }

  /**
   * Every canary that waited has "waiting for an analysis slot" Events, its first one with the place the gate first
   * gave it, and no other canary has one.
   */
  static void assertWaitedWithEvents(Map<String, List<String>> events, Queue queue, int limit) {
    for (String name : queue.waited()) {
      assertThat(events.get(name)).as("Events of %s", name).isNotEmpty().allSatisfy(m -> assertThat(m)
          .matches("Halt " + name + "\\.test advancement waiting for an analysis slot: position [0-9]+ in the "
              + "queue, at most " + limit + " analyses at once"));
      assertThat(events.get(name).get(0)).as("first place of %s", name).endsWith("position "
          + queue.firstPosition(name) + " in the queue, at most " + limit + " analyses at once");
    }
    assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(queue.waited());
  }

  private void create(String name) {
    Deployment d = Fixtures.podinfo(SeedWorld.NS);
    d.getMetadata().setName(name);
    Map<String, String> app = Map.of("app", name);
    d.getMetadata().setLabels(app);
    d.getSpec().getSelector().setMatchLabels(app);
    d.getSpec().getTemplate().getMetadata().setLabels(app);
    client.apps().deployments().resource(d).create();
    String yaml = SEED.replaceAll("(?m)^  autoscalerRef:\n(    .*\n)+", "")
        .replace("name: podinfo", "name: " + name).replace("stepWeight: 10", "stepWeight: 25");
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, CanaryResource.class)).create();
  }

  /** What the Deployment controller would do: every Deployment whose status lags its spec becomes ready. */
  private boolean rollOut() {
    for (Deployment d : client.apps().deployments().inNamespace(SeedWorld.NS).list().getItems()) {
      int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
      DeploymentStatus ready = new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
          .withReplicas(replicas).withUpdatedReplicas(replicas).withAvailableReplicas(replicas)
          .withReadyReplicas(replicas).build();
      if (!ready.equals(d.getStatus())) {
        d.setStatus(ready);
        client.apps().deployments().inNamespace(SeedWorld.NS).resource(d).updateStatus();
      }
    }
    return true;
  }

  private Map<String, Phase> phases() {
    Map<String, Phase> out = new HashMap<>();
    for (CanaryResource r : client.resources(CanaryResource.class).inNamespace(SeedWorld.NS).list().getItems()) {
      if (r.getStatus() != null) {
        out.put(r.getMetadata().getName(), CanaryStatusMapping.toCore(r.getStatus()).phase());
      }
    }
    return out;
  }

  /** The "waiting for an analysis slot" Events of each canary, in the order they were written. */
  private Map<String, List<String>> slotEvents() {
    return client.v1().events().inNamespace(SeedWorld.NS).list().getItems().stream()
        .filter(e -> e.getMessage() != null && e.getMessage().contains("waiting for an analysis slot"))
        .sorted(Comparator.comparing(e -> e.getMetadata().getName()))
        .collect(Collectors.groupingBy(e -> e.getInvolvedObject().getName(), Collectors.mapping(Event::getMessage,
            Collectors.toList())));
  }

  /** The phase each canary's last tick decided; the most canaries ever in analysis at once. */
  static final class Analysing {
    private final Map<String, Phase> phases = new HashMap<>();
    private int max;

    synchronized void ticked(String name, Phase phase) {
      if (phase != null) {
        phases.put(name, phase);
      }
      long now = phases.values().stream().filter(p -> p == Phase.PROGRESSING || p == Phase.WAITING_PROMOTION
          || p == Phase.PROMOTING || p == Phase.FINALISING).count();
      max = Math.max(max, (int) now);
    }

    synchronized int max() {
      return max;
    }
  }

  /** The gate's decisions in the order it took them. */
  static final class Queue implements ControllerListener {
    private final LinkedHashSet<String> arrived = new LinkedHashSet<>();
    private final List<String> admitted = new ArrayList<>();
    private final Map<String, Integer> firstPosition = new HashMap<>();

    @Override
    public synchronized void analysisQueued(String namespace, String name, int position) {
      arrived.add(name);
      firstPosition.putIfAbsent(name, position);
    }

    @Override
    public synchronized void analysisAdmitted(String namespace, String name) {
      arrived.add(name);
      admitted.add(name);
    }

    synchronized List<String> arrived() {
      return List.copyOf(arrived);
    }

    synchronized List<String> admitted() {
      return List.copyOf(admitted);
    }

    synchronized List<String> waited() {
      return firstPosition.keySet().stream().sorted().toList();
    }

    synchronized int firstPosition(String name) {
      return firstPosition.get(name);
    }
  }
}
