package dev.canarykit.k8s.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analysis-slot Leases of a shard group on the API server: Lease {@code <group>-analysis-<i>} in the group's
 * namespace, labelled with the group, whose {@code holderIdentity} is the {@code namespace/name} of the Canary
 * holding slot {@code i} (empty when free). Every write is a create or a patch guarded by the version read
 * ({@link LeaseWrites}), so of two replicas claiming one slot exactly one wins. Requests are bounded
 * ({@link BoundedRequests}) and never retried: a lost race answers {@code null} or {@code false}, any other
 * failure throws {@link SlotRequestFailed}.
 */
final class SlotLeases {
  /** A slot request that failed for another reason than a lost race (timeout, refused connection, 5xx, 403). */
  static final class SlotRequestFailed extends RuntimeException {
    SlotRequestFailed(String what, KubernetesClient client, RuntimeException cause) {
      super(what + " at " + client.getMasterUrl() + " failed: " + cause.getMessage(), cause);
    }
  }

  private final KubernetesClient client;
  private final Sharding sharding;
  private final int leaseSeconds;

  /** Slots of {@code sharding}'s group, each request bounded by {@code timeout}; Leases say {@code grace}. */
  SlotLeases(KubernetesClient client, Sharding sharding, Duration timeout, Duration grace) {
    this.client = BoundedRequests.of(client, timeout, 0);
    this.sharding = sharding;
    this.leaseSeconds = (int) Math.max(1, grace.toSeconds());
  }

  /** The slot Leases by name. */
  Map<String, Lease> list() {
    try {
      Map<String, Lease> out = new TreeMap<>();
      client.resources(Lease.class).inNamespace(sharding.leaseNamespace())
          .withLabel(Sharding.GROUP_LABEL, sharding.name()).list().getItems().stream()
          .filter(l -> slot(l.getMetadata().getName()) >= 0).forEach(l -> out.put(l.getMetadata().getName(), l));
      return out;
    } catch (KubernetesClientException e) {
      throw failed("listing the analysis slots " + where(sharding.slotLeasePrefix() + "*"), e);
    }
  }

  /** The slot number of Lease {@code name}, or -1 when it is not a slot of this group. */
  int slot(String name) {
    String prefix = sharding.slotLeasePrefix();
    if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() > prefix.length() + 9) {
      return -1;
    }
    String n = name.substring(prefix.length());
    return n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : -1;
  }

  /** The name of slot {@code i}'s Lease. */
  String slotLease(int i) {
    return sharding.slotLease(i);
  }

  /** Claims the slot Lease {@code name} ({@code current}, or none yet) for {@code holder}; null when lost. */
  Lease claim(String name, Lease current, String holder) {
    try {
      if (current == null) {
        return client.resources(Lease.class).inNamespace(sharding.leaseNamespace()).resource(new LeaseBuilder()
            .withNewMetadata().withName(name).withNamespace(sharding.leaseNamespace())
            .addToLabels(Sharding.GROUP_LABEL, sharding.name()).endMetadata()
            .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(leaseSeconds)
            .withAcquireTime(LeaseWrites.zoned()).withRenewTime(LeaseWrites.zoned()).withLeaseTransitions(0)
            .endSpec().build()).create();
      }
      Integer transitions = current.getSpec() == null ? null : current.getSpec().getLeaseTransitions();
      return patch(name, current.getMetadata().getResourceVersion(), LeaseWrites.JSON.objectNode()
          .put("holderIdentity", holder).put("leaseDurationSeconds", leaseSeconds)
          .put("acquireTime", LeaseWrites.now()).put("renewTime", LeaseWrites.now())
          .put("leaseTransitions", (transitions == null ? 0 : transitions) + 1));
    } catch (KubernetesClientException e) {
      if (lostRace(e)) {
        return null;
      }
      throw failed("claiming the analysis slot " + where(name) + " for " + holder, e);
    }
  }

  /** Marks the slot Lease {@code name} at {@code version} as still used; the Lease, or null when lost. */
  Lease renew(String name, String version) {
    try {
      return patch(name, version, LeaseWrites.JSON.objectNode().put("renewTime", LeaseWrites.now()));
    } catch (KubernetesClientException e) {
      if (lostRace(e)) {
        return null;
      }
      throw failed("renewing the analysis slot " + where(name), e);
    }
  }

  /** Frees the slot Lease {@code name} at {@code version} (empty holder); false when someone wrote it since. */
  boolean free(String name, String version) {
    try {
      patch(name, version, LeaseWrites.JSON.objectNode().put("holderIdentity", "")
          .put("renewTime", LeaseWrites.now()));
      return true;
    } catch (KubernetesClientException e) {
      if (lostRace(e)) {
        return false;
      }
      throw failed("freeing the analysis slot " + where(name), e);
    }
  }

  private Lease patch(String name, String version, ObjectNode fields) {
    return LeaseWrites.patch(client, sharding.leaseNamespace(), name, version, fields, null);
  }

  private String where(String name) {
    return "Lease " + sharding.leaseNamespace() + "/" + name;
  }

  private SlotRequestFailed failed(String what, KubernetesClientException e) {
    return new SlotRequestFailed(what, client, e);
  }

  /** 409: written since it was read (or created meanwhile); 404: deleted since. */
  private static boolean lostRace(KubernetesClientException e) {
    return e.getCode() == 409 || e.getCode() == 404;
  }
}
