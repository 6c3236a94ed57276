package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Command.SessionCookies;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.port.TrafficRouterContract;
import org.junit.jupiter.api.Test;

class InMemoryTrafficRouterTest extends TrafficRouterContract {
  private static final Canary C = ContractFixtures.canary();

  @Override
  protected TrafficRouter createRouter(Canary canary) {
    return new InMemoryTrafficRouter();
  }

  @Test
  void recordsEverySetAndTheCookies() {
    var r = new InMemoryTrafficRouter();
    r.reconcile(C);
    var cookies = new SessionCookies("c=abc", "", "");
    r.setRoutes(C, new Command.SetRoutes(90, 10, false, cookies));
    r.setRoutes(C, new Command.SetRoutes(80, 20, false, null));
    assertThat(r.history()).extracting(Command.SetRoutes::canaryWeight).containsExactly(10, 20);
    assertThat(r.canaryWeight()).isEqualTo(20);
    assertThat(r.cookies()).isNull();
  }

  @Test
  void failsTheNextCalls() {
    var r = new InMemoryTrafficRouter();
    r.failNext(2, "istio down");
    assertThat(r.reconcile(C)).isEqualTo(new Outcome.Failed("istio down"));
    assertThat(r.readRoutes(C)).isEqualTo(new Outcome.Failed("istio down"));
    assertThat(r.reconcile(C)).isEqualTo(Outcome.OK);
    assertThat(r.routes()).contains(new Outcome.Routes(100, 0, false));
  }

  @Test
  void setBeforeReconcileFails() {
    var r = new InMemoryTrafficRouter();
    assertThat(r.setRoutes(C, new Command.SetRoutes(90, 10, false, null)))
        .isEqualTo(new Outcome.Failed("VirtualService podinfo.test not found"));
    assertThat(r.history()).isEmpty();
  }
}
