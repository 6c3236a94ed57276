package dev.canarykit.k8s.controller;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How the controller writes the Leases of a shard group (shards, presence, analysis slots): a create for a Lease
 * that does not exist yet, otherwise a JSON Patch that first sets {@code metadata.resourceVersion} to the version
 * read, so that of two replicas writing from the same read exactly one wins and the other gets 409.
 */
final class LeaseWrites {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX")
      .withZone(ZoneOffset.UTC);

  private LeaseWrites() {}

  /**
   * Patches the Lease {@code namespace/name}'s spec fields {@code fields} (and, when not null, sets its
   * annotations to {@code annotations}), guarded by {@code version}.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException 409 when someone wrote it since
   */
  static Lease patch(KubernetesClient client, String namespace, String name, String version, ObjectNode fields,
      ObjectNode annotations) {
    ArrayNode ops = JSON.arrayNode();
    ops.add(JSON.objectNode().put("op", "replace").put("path", "/metadata/resourceVersion").put("value", version));
    if (annotations != null) {
      ops.add(JSON.objectNode().put("op", "add").put("path", "/metadata/annotations").set("value", annotations));
    }
    fields.properties().forEach(f -> ops.add(JSON.objectNode().put("op", "add")
        .put("path", "/spec/" + f.getKey()).set("value", f.getValue())));
    Lease stub = new LeaseBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build();
    return client.resources(Lease.class).inNamespace(namespace).resource(stub)
        .patch(PatchContext.of(PatchType.JSON), ops.toString());
  }

  /** The Lease's holder, or null. */
  static String holder(Lease l) {
    return l.getSpec() == null ? null : l.getSpec().getHolderIdentity();
  }

  /** Now as a Lease's MicroTime text. */
  static String now() {
    return MICRO_TIME.format(Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  /** Now as a Lease's MicroTime. */
  static ZonedDateTime zoned() {
    return ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
