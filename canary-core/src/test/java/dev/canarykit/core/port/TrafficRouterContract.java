package dev.canarykit.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import org.junit.jupiter.api.Test;

/** What every {@link TrafficRouter} must do. Extend it and implement {@link #createRouter}. */
public abstract class TrafficRouterContract {

  /** The Canary the tests use. */
  protected Canary canary() {
    return ContractFixtures.canary();
  }

  /** A router for the canary with no routing created yet. */
  protected abstract TrafficRouter createRouter(Canary canary);

  private static Command.SetRoutes routes(int primary, int canary, boolean mirrored) {
    return new Command.SetRoutes(primary, canary, mirrored, null);
  }

  @Test
  void readingBeforeReconcileIsAFailureNotAnException() {
    assertThat(createRouter(canary()).readRoutes(canary())).isInstanceOf(Outcome.Failed.class);
  }

  @Test
  void reconcileRoutesEverythingToThePrimary() {
    TrafficRouter router = createRouter(canary());
    assertThat(router.reconcile(canary())).isEqualTo(Outcome.OK);
    assertThat(router.readRoutes(canary())).isEqualTo(new Outcome.Routes(100, 0, false));
  }

  @Test
  void reconcileIsIdempotent() {
    TrafficRouter router = createRouter(canary());
    router.reconcile(canary());
    assertThat(router.reconcile(canary())).isEqualTo(Outcome.OK);
    assertThat(router.readRoutes(canary())).isEqualTo(new Outcome.Routes(100, 0, false));
  }

  @Test
  void readsBackTheRoutesSet() {
    TrafficRouter router = createRouter(canary());
    router.reconcile(canary());
    assertThat(router.setRoutes(canary(), routes(90, 10, false))).isEqualTo(Outcome.OK);
    assertThat(router.readRoutes(canary())).isEqualTo(new Outcome.Routes(90, 10, false));
    assertThat(router.setRoutes(canary(), routes(0, 100, false))).isEqualTo(Outcome.OK);
    assertThat(router.readRoutes(canary())).isEqualTo(new Outcome.Routes(0, 100, false));
  }

  @Test
  void setsRoutesDecidedFromTheLiveOnes() {
    TrafficRouter router = createRouter(canary());
    router.reconcile(canary());
    var from = new Outcome.Routes(100, 0, false);
    assertThat(router.setRoutes(canary(), new Command.SetRoutes(90, 10, false, null, from))).isEqualTo(Outcome.OK);
    assertThat(router.readRoutes(canary())).isEqualTo(new Outcome.Routes(90, 10, false));
  }

  @Test
  void refusesRoutesDecidedFromRoutesThatAreNoLongerLive() {
    TrafficRouter router = createRouter(canary());
    router.reconcile(canary());
    router.setRoutes(canary(), routes(60, 40, false));
    Outcome late = router.setRoutes(canary(), new Command.SetRoutes(70, 30, false, null,
        new Outcome.Routes(80, 20, false)));
    assertThat(late).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) late).message()).contains("decided on 80/20, now 60/40");
    assertThat(router.readRoutes(canary())).isEqualTo(new Outcome.Routes(60, 40, false));
  }

  @Test
  void readsBackTheMirror() {
    TrafficRouter router = createRouter(canary());
    router.reconcile(canary());
    router.setRoutes(canary(), routes(100, 0, true));
    assertThat(router.readRoutes(canary())).isEqualTo(new Outcome.Routes(100, 0, true));
  }

  @Test
  void reconcileKeepsWeightsAndMirror() {
    TrafficRouter router = createRouter(canary());
    router.reconcile(canary());
    router.setRoutes(canary(), routes(70, 30, false));
    router.reconcile(canary());
    assertThat(router.readRoutes(canary())).isEqualTo(new Outcome.Routes(70, 30, false));
    router.setRoutes(canary(), routes(100, 0, true));
    router.reconcile(canary());
    assertThat(router.readRoutes(canary())).isEqualTo(new Outcome.Routes(100, 0, true));
  }

  @Test
  void revertsAfterReconcile() {
    TrafficRouter router = createRouter(canary());
    router.reconcile(canary());
    router.setRoutes(canary(), routes(50, 50, false));
    assertThat(router.revert(canary())).isEqualTo(Outcome.OK);
  }
}
