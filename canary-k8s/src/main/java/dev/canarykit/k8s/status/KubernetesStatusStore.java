package dev.canarykit.k8s.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.judge.JudgeStateCodec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
import dev.canarykit.k8s.CanaryMapping;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.cache.ClusterReader;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Objects;

/**
 * Persists Canary status through the {@code status} subresource with optimistic concurrency
 * (docs/flagger-compatibility.md §2): each write is a JSON Patch that sets {@code metadata.resourceVersion} to the
 * version read and replaces {@code status} as a whole, so the API server answers 409 when anyone wrote the Canary since
 * (reported as {@link StatusWrite.Conflict}; the driver re-reads on its next tick).
 *
 * <p>The statistical judge's evidence ({@link CanaryStatus#judge()}), which Flagger's status schema has no field
 * for, lives in the annotation {@value #JUDGE_ANNOTATION} (see {@link JudgeStateCodec}); it is written after the
 * status, guarded by the version the status write returned, and read back only when the Canary's spec has a judge.
 *
 * <pre>{@code
 * StatusStore statuses = KubernetesStatusStore.create(client, cache);
 * }</pre>
 */
public final class KubernetesStatusStore implements StatusStore {
  /** The annotation holding the judge's evidence. */
  public static final String JUDGE_ANNOTATION = "canarykit.dev/judge-state";
  private static final String POINTER = "/metadata/annotations/" + JUDGE_ANNOTATION.replace("/", "~1");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final KubernetesClient client;
  private final ClusterReader reader;
  private final ClusterReader direct;

  private KubernetesStatusStore(KubernetesClient client, ClusterReader reader) {
    this.client = client;
    this.reader = reader;
    this.direct = ClusterReader.direct(client);
  }

  /** A store writing through {@code client} (owned by the caller) and reading directly. */
  public static KubernetesStatusStore create(KubernetesClient client) {
    return new KubernetesStatusStore(client, ClusterReader.direct(client));
  }

  /** A store writing through {@code client} and reading through {@code reader} (for example informer caches). */
  public static KubernetesStatusStore create(KubernetesClient client, ClusterReader reader) {
    return new KubernetesStatusStore(Objects.requireNonNull(client, "client == null"),
        Objects.requireNonNull(reader, "reader == null"));
  }

  /** Reads through the reader given at creation (for example an informer cache, which may lag). */
  @Override
  public StatusRead read(String namespace, String name) {
    return read(reader, namespace, name);
  }

  /** Reads with a GET from the API server, whatever the reader. */
  @Override
  public StatusRead readLatest(String namespace, String name) {
    return read(direct, namespace, name);
  }

  private static StatusRead read(ClusterReader reader, String namespace, String name) {
    try {
      CanaryResource r = reader.get(CanaryResource.class, namespace, name).orElse(null);
      if (r == null) {
        return new StatusRead.Failed("canary " + name + "." + namespace + " not found");
      }
      CanaryStatus status = CanaryStatusMapping.toCore(r.getStatus());
      JudgeConfig judge = r.getSpec() == null ? null : CanaryMapping.toCore(r).spec().judge();
      String text = annotations(r).get(JUDGE_ANNOTATION);
      if (judge != null && text != null) {
        status = status.toBuilder().judge(JudgeStateCodec.decode(judge, text)).build();
      }
      return new StatusRead.Current(status, r.getMetadata().getResourceVersion());
    } catch (RuntimeException e) {
      return new StatusRead.Failed(message(e));
    }
  }

  @Override
  public StatusWrite write(Canary canary, String expectedVersion, CanaryStatus status) {
    try {
      ArrayNode ops = JSON.arrayNode();
      ops.add(version(expectedVersion));
      ops.add(JSON.objectNode().put("op", "add").put("path", "/status")
          .set("value", client.getKubernetesSerialization().convertValue(
              CanaryStatusMapping.toResource(status), JsonNode.class)));
      CanaryResource written = resource(canary).subresource("status")
          .patch(PatchContext.of(PatchType.JSON), ops.toString());
      return new StatusWrite.Written(writeJudge(canary, written, status));
    } catch (KubernetesClientException e) {
      return e.getCode() == 409 ? new StatusWrite.Conflict(message(e)) : new StatusWrite.Failed(message(e));
    } catch (RuntimeException e) {
      return new StatusWrite.Failed(message(e));
    }
  }

  private String writeJudge(Canary canary, CanaryResource written, CanaryStatus status) {
    String want = status.judge() == null ? null : JudgeStateCodec.encode(status.judge());
    Map<String, String> annotations = annotations(written);
    if (Objects.equals(want, annotations.get(JUDGE_ANNOTATION))) {
      return written.getMetadata().getResourceVersion();
    }
    ArrayNode ops = JSON.arrayNode().add(version(written.getMetadata().getResourceVersion()));
    if (want == null) {
      ops.add(JSON.objectNode().put("op", "remove").put("path", POINTER));
    } else if (written.getMetadata().getAnnotations() == null) {
      ops.add(JSON.objectNode().put("op", "add").put("path", "/metadata/annotations")
          .set("value", JSON.objectNode().put(JUDGE_ANNOTATION, want)));
    } else {
      ops.add(JSON.objectNode().put("op", "add").put("path", POINTER).put("value", want));
    }
    return resource(canary).patch(PatchContext.of(PatchType.JSON), ops.toString())
        .getMetadata().getResourceVersion();
  }

  private io.fabric8.kubernetes.client.dsl.Resource<CanaryResource> resource(Canary canary) {
    CanaryResource stub = new CanaryResource();
    stub.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(canary.name())
        .withNamespace(canary.namespace()).build());
    // with an item given, fabric8 sends the patch without GETting the object first
    return client.resources(CanaryResource.class).inNamespace(canary.namespace()).resource(stub);
  }

  private static ObjectNode version(String v) {
    return JSON.objectNode().put("op", "replace").put("path", "/metadata/resourceVersion").put("value", v);
  }

  private static Map<String, String> annotations(CanaryResource r) {
    Map<String, String> a = r.getMetadata().getAnnotations();
    return a == null ? Map.of() : a;
  }

  private static String message(RuntimeException e) {
    return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
  }
}
