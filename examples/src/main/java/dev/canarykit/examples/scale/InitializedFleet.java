package dev.canarykit.examples.scale;

import dev.canarykit.core.internal.Hashes;
import dev.canarykit.core.model.Phase;
import dev.canarykit.examples.demo.RolloutSimulator;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.crud.AttributeExtractor;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Puts a fleet straight into the store of fabric8's CRUD mock server, bypassing its HTTP API (which copies and scans
 * the whole store on every request: creating 10,000 canaries through it takes hours). With {@link #initialized} the
 * fleet is already Initialized, so a controller started on it takes over a running fleet: canary 0 is initialized by
 * a real {@link CanaryController} (ticked every second, in-memory routes, metrics and webhooks, a rollout
 * simulator), and what it wrote (the Canary's status, the primary Deployment, the Services) is copied for every other
 * canary with the names, the owner's uid and the target's pod-template hash replaced. Objects are therefore exactly
 * what the controller writes, whatever it writes.
 */
public final class InitializedFleet {
  private final KubernetesCrudDispatcher dispatcher;
  private final KubernetesClient client;
  private final String namespace;

  /** A loader into {@code dispatcher}'s store; {@code client} talks to the same server (owned by the caller). */
  public InitializedFleet(KubernetesCrudDispatcher dispatcher, KubernetesClient client, String namespace) {
    this.dispatcher = dispatcher;
    this.client = client;
    this.namespace = namespace;
  }

  /** Puts {@code count} targets and their Canaries (not yet initialized) into the store. */
  public void load(int count, IntFunction<Deployment> target, IntFunction<CanaryResource> canary) {
    for (int i = 0; i < count; i++) {
      put(target.apply(i));
      put(canary.apply(i));
    }
  }

  /**
   * Puts {@code count} targets and their Canaries into the store, every Canary Initialized with its primary and
   * Services; {@code name(i)} is both canary {@code i}'s and its target's name. Canary 0 is initialized through the
   * API (within {@code limit}); the store must hold nothing else of the namespace's Deployments and Services.
   */
  public void initialized(int count, IntFunction<String> name, IntFunction<Deployment> target,
      IntFunction<CanaryResource> canary, Duration limit) throws InterruptedException {
    load(1, target, canary);
    initializeFirst(name.apply(0), limit);
    List<HasMetadata> copies = new ArrayList<>();
    copies.addAll(client.apps().deployments().inNamespace(namespace).list().getItems());
    copies.addAll(client.services().inNamespace(namespace).list().getItems());
    copies.removeIf(o -> o.getMetadata().getName().equals(name.apply(0)) && o instanceof Deployment);
    CanaryResource first = client.resources(CanaryResource.class).inNamespace(namespace).withName(name.apply(0)).get();
    copies.add(first);
    List<String> templates = copies.stream().map(this::json).toList();
    String uid = first.getMetadata().getUid();
    String hash = templateHash(target.apply(0));
    for (int i = 1; i < count; i++) {
      Deployment t = target.apply(i);
      put(t);
      String newUid = UUID.randomUUID().toString();
      for (int k = 0; k < templates.size(); k++) {
        String json = templates.get(k).replace(name.apply(0), name.apply(i)).replace(hash, templateHash(t));
        HasMetadata copy = serialization().unmarshal(json.replace(uid, newUid), copies.get(k).getClass());
        copy.getMetadata().setUid(copy instanceof CanaryResource ? newUid : UUID.randomUUID().toString());
        put(copy);
      }
    }
  }

  /** Stores {@code object} as the mock's create would, without scanning the store. */
  public void put(HasMetadata object) {
    object.getMetadata().setNamespace(namespace);
    object.getMetadata().setResourceVersion("1");
    if (object.getMetadata().getUid() == null) {
      object.getMetadata().setUid(UUID.randomUUID().toString());
    }
    if (object.getMetadata().getCreationTimestamp() == null) {
      object.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z"); // the mock's PUT needs one
    }
    object.getMetadata().setGeneration(1L);
    String json = json(object);
    AttributeExtractor attributes = dispatcher.getAttributeExtractor();
    dispatcher.getMap().put(AttributeSet.merge(attributes.fromPath(path(object)), attributes.fromResource(json)),
        json);
  }

  private void initializeFirst(String name, Duration limit) throws InterruptedException {
    SlowPorts ports = new SlowPorts(Duration.ZERO);
    ControllerConfig config = ControllerConfig.builder().router(ports.router()).metrics(ports).webhooks(ports)
        .namespace(namespace).intervals(c -> Duration.ofSeconds(1)).build();
    RolloutSimulator rollouts = new RolloutSimulator(client, namespace, Duration.ofMillis(100)).start();
    CanaryController controller = CanaryController.create(client, config).start();
    try {
      long end = System.nanoTime() + limit.toNanos();
      while (!isInitialized(name)) {
        if (System.nanoTime() > end) {
          throw new IllegalStateException("canary " + namespace + "/" + name + " not Initialized within " + limit);
        }
        Thread.sleep(200);
      }
    } finally {
      controller.close();
      rollouts.close();
    }
  }

  private boolean isInitialized(String name) {
    CanaryResource r = client.resources(CanaryResource.class).inNamespace(namespace).withName(name).get();
    return r != null && r.getStatus() != null && CanaryStatusMapping.toCore(r.getStatus()).phase() == Phase.INITIALIZED;
  }

  /** The pod-template hash the controller computes for {@code target} (from its stored JSON, as an informer has it). */
  private String templateHash(Deployment target) {
    Deployment stored = serialization().unmarshal(json(target), Deployment.class);
    return Hashes.of(serialization().convertValue(stored.getSpec().getTemplate(), Map.class));
  }

  private String path(HasMetadata o) {
    String plural = switch (o.getKind()) {
      case "Deployment" -> "deployments";
      case "Service" -> "services";
      case "Canary" -> "canaries";
      default -> throw new IllegalArgumentException("cannot store a " + o.getKind());
    };
    String group = o.getApiVersion().contains("/") ? "/apis/" + o.getApiVersion() : "/api/" + o.getApiVersion();
    return group + "/namespaces/" + namespace + "/" + plural + "/" + o.getMetadata().getName();
  }

  private String json(HasMetadata o) {
    return serialization().asJson(o);
  }

  private KubernetesSerialization serialization() {
    return client.getKubernetesSerialization();
  }
}
