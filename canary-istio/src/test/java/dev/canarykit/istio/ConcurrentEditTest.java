package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A VirtualService that changes between the router's read and its write: the write is rejected on its
 * resourceVersion and decided again from a fresh read; weights decided on routes that are no longer live are
 * refused, so stale weights never overwrite newer ones.
 */
@EnableKubernetesMockClient(crud = true)
class ConcurrentEditTest {
  KubernetesClient client;
  private Istio istio;
  private IstioTrafficRouter other;

  @BeforeEach
  void setUp() {
    istio = new Istio(client);
    other = new IstioTrafficRouter(client, CanaryOwners.none());
    other.reconcile(Canaries.podinfo());
    other.setRoutes(Canaries.podinfo(), Canaries.routes(90, 10, false));
  }

  @Test
  void reconcileRetriesAndKeepsTheNewerWeights() {
    RacingObjects racing = new RacingObjects(client, read -> {
      if (read == 1) {
        other.setRoutes(Canaries.podinfo(), Canaries.routes(60, 40, false));
      }
    });
    Canary changed = Canaries.withService(s -> s.timeout("4s"));
    assertThat(new IstioTrafficRouter(racing, CanaryOwners.none()).reconcile(changed)).isEqualTo(Outcome.OK);
    assertThat(racing.reads).hasSize(2);
    assertThat(Istio.weights(istio.http().get(0))).containsExactly("podinfo-primary=60", "podinfo-canary=40");
    assertThat(istio.http().get(0)).containsEntry("timeout", "4s");
  }

  @Test
  void setRoutesRetriesFromAFreshRead() {
    RacingObjects racing = new RacingObjects(client, read -> {
      if (read == 1) {
        other.reconcile(Canaries.withService(s -> s.timeout("2s")));
      }
    });
    Canary changed = Canaries.withService(s -> s.timeout("2s"));
    IstioTrafficRouter router = new IstioTrafficRouter(racing, CanaryOwners.none());
    assertThat(router.setRoutes(changed, Canaries.routes(80, 20, false))).isEqualTo(Outcome.OK);
    assertThat(racing.reads).hasSize(2);
    assertThat(racing.reads.get(1)).isNotEqualTo(racing.reads.get(0));
    assertThat(router.readRoutes(changed)).isEqualTo(new Outcome.Routes(80, 20, false));
  }

  @Test
  void aRetryNeverWritesWeightsDecidedOnRoutesThatChangedMeanwhile() {
    RacingObjects racing = new RacingObjects(client, read -> {
      if (read == 1) {
        other.setRoutes(Canaries.podinfo(), Canaries.routes(60, 40, false));
      }
    });
    IstioTrafficRouter router = new IstioTrafficRouter(racing, CanaryOwners.none());
    Outcome late = router.setRoutes(Canaries.podinfo(),
        new Command.SetRoutes(80, 20, false, null, new Outcome.Routes(90, 10, false)));
    assertThat(late).isEqualTo(new Outcome.Failed("VirtualService podinfo.test changed since its routes were read"
        + " (decided on 90/10, now 60/40); not updated"));
    assertThat(racing.reads).hasSize(2);
    assertThat(Istio.weights(istio.http().get(0))).containsExactly("podinfo-primary=60", "podinfo-canary=40");
  }

  @Test
  void weightsDecidedOnOlderRoutesAreRefusedWithoutAConflict() {
    other.setRoutes(Canaries.podinfo(), Canaries.routes(60, 40, false));
    IstioTrafficRouter router = new IstioTrafficRouter(client, CanaryOwners.none());
    Outcome late = router.setRoutes(Canaries.podinfo(),
        new Command.SetRoutes(70, 30, false, null, new Outcome.Routes(80, 20, false)));
    assertThat(late).isInstanceOf(Outcome.Failed.class);
    assertThat(Istio.weights(istio.http().get(0))).containsExactly("podinfo-primary=60", "podinfo-canary=40");
    assertThat(router.setRoutes(Canaries.podinfo(),
        new Command.SetRoutes(50, 50, false, null, new Outcome.Routes(60, 40, false)))).isEqualTo(Outcome.OK);
  }

  @Test
  void givesUpWhenTheObjectKeepsChanging() {
    RacingObjects racing = new RacingObjects(client,
        read -> other.setRoutes(Canaries.podinfo(), Canaries.routes(read % 2 == 0 ? 70 : 60, read % 2 == 0 ? 30 : 40,
            false)));
    Outcome outcome = new IstioTrafficRouter(racing, CanaryOwners.none())
        .reconcile(Canaries.withService(s -> s.timeout("4s")));
    assertThat(outcome).isEqualTo(new Outcome.Failed("VirtualService podinfo.test reconcile failed: it changed"
        + " during each of 5 attempts (resourceVersion conflicts)"));
    assertThat(istio.http().get(0)).doesNotContainKey("timeout");
  }

  /** Lets another writer change the VirtualService right after each read, making the read stale. */
  static final class RacingObjects extends IstioObjects {
    final List<String> reads = new ArrayList<>();
    private final IntConsumer afterRead;

    RacingObjects(KubernetesClient client, IntConsumer afterRead) {
      super(client);
      this.afterRead = afterRead;
    }

    @Override
    VirtualService virtualService(String namespace, String name) {
      VirtualService read = super.virtualService(namespace, name);
      reads.add(read.getMetadata().getResourceVersion());
      afterRead.accept(reads.size());
      return read;
    }
  }
}
