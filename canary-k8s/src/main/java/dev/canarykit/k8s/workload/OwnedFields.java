package dev.canarykit.k8s.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes only the fields canarykit owns on an existing object: a fresh GET, the caller's change, then a JSON
 * Patch that sets each owned path that differs, guarded by the resourceVersion read (a concurrent write makes the
 * API server answer 409, and the edit is retried from a fresh read). Nothing is sent when no owned field differs;
 * fields outside the owned paths (status, other writers' labels...) are never touched.
 */
final class OwnedFields {
  static final int ATTEMPTS = 4;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final KubernetesClient client;

  OwnedFields(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Edits {@code paths} (JSON pointers such as {@code /spec/replicas}) of an object.
   *
   * @return the object as the patch left it, or {@code null} when no patch was needed
   * @throws KubernetesClientException when the object is gone or the conflict outlasts {@value #ATTEMPTS} tries
   */
  <T extends HasMetadata> T edit(Class<T> type, String ns, String name, List<String> paths,
      UnaryOperator<T> change) {
    for (int attempt = 1; ; attempt++) {
      T fresh = client.resources(type).inNamespace(ns).withName(name).get();
      if (fresh == null) {
        throw new KubernetesClientException(type.getSimpleName().toLowerCase() + " " + name + "." + ns
            + " not found", 404, null);
      }
      ArrayNode ops = ops(fresh, change.apply(client.getKubernetesSerialization().clone(fresh)), paths);
      if (ops.size() == 1) {
        return null;
      }
      try {
        return client.resources(type).inNamespace(ns).resource(fresh)
            .patch(PatchContext.of(PatchType.JSON), ops.toString());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private ArrayNode ops(HasMetadata before, HasMetadata after, List<String> paths) {
    JsonNode from = tree(before);
    JsonNode to = tree(after);
    ArrayNode ops = JSON.arrayNode();
    ops.add(op("replace", "/metadata/resourceVersion", JSON.textNode(before.getMetadata().getResourceVersion())));
    for (String path : paths) {
      JsonNode old = from.at(path);
      JsonNode now = to.at(path);
      if (old.equals(now)) {
        continue;
      }
      ops.add(now.isMissingNode() || now.isNull() ? op("remove", path, null) : op("add", path, now));
    }
    return ops;
  }

  private JsonNode tree(HasMetadata o) {
    return client.getKubernetesSerialization().convertValue(o, JsonNode.class);
  }

  private static ObjectNode op(String op, String path, JsonNode value) {
    ObjectNode n = JSON.objectNode().put("op", op).put("path", path);
    if (value != null) {
      n.set("value", value);
    }
    return n;
  }
}
