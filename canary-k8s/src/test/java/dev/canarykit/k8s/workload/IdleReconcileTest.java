package dev.canarykit.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

/**
 * An idle tick's reads of an unchanged target and unchanged Services reuse what was computed from the same
 * versions: the pod template is not converted and hashed again, and no desired Service is built again. A change of
 * the target is seen at once.
 */
@EnableKubernetesMockClient(crud = true)
class IdleReconcileTest {
  KubernetesClient client;

  @Test
  void unchangedObjectsAreNeitherHashedNorComparedAgainAndAChangeIsSeen() {
    StoreWorld w = new StoreWorld(client);
    w.create(Fixtures.podinfo(StoreWorld.NS));
    Canary canary = w.canaryWithoutAutoscaler();
    KubernetesWorkloadStore store = w.store();
    Outcome.RevisionResult first = idleTick(store, canary);
    idleTick(store, canary); // the Services created by the first tick are compared once, then known in sync
    long[] warm = store.computed();

    for (int i = 0; i < 5; i++) {
      assertThat(idleTick(store, canary)).isEqualTo(first);
    }
    assertThat(store.computed()).as("hashes and Service comparisons after five idle ticks").containsExactly(warm);

    Fixtures.setImage(client, StoreWorld.NS, "podinfo", "stefanprodan/podinfo:3.1.1");
    Outcome.RevisionResult changed = idleTick(store, canary);
    assertThat(changed).isInstanceOf(Outcome.Revision.class).isNotEqualTo(first);
    assertThat(store.computed()[0]).isEqualTo(warm[0] + 1);
    assertThat(store.computed()[1]).as("each Service compared with the changed target").isEqualTo(warm[1] + 3);
  }

  private static Outcome.RevisionResult idleTick(KubernetesWorkloadStore store, Canary canary) {
    Outcome.RevisionResult revision = store.observeTarget(canary);
    assertThat(store.reconcileServices(canary)).isEqualTo(Outcome.OK);
    assertThat(store.reconcileApexService(canary)).isEqualTo(Outcome.OK);
    return revision;
  }
}
