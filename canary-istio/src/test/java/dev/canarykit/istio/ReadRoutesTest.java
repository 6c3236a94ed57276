package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import org.junit.jupiter.api.Test;

/** Reading routes fails clearly on shapes canarykit did not write (§4.2 GetRoutes). */
class ReadRoutesTest extends RouterFixture {
  @Test
  void missingVirtualService() {
    assertThat(router.readRoutes(Canaries.podinfo()))
        .isEqualTo(new Outcome.Failed("VirtualService podinfo.test not found"));
    assertThat(router.setRoutes(Canaries.podinfo(), Canaries.routes(90, 10, false)))
        .isEqualTo(new Outcome.Failed("VirtualService podinfo.test not found"));
  }

  @Test
  void bothWeightsZero() {
    edited("""
        {"hosts":["podinfo"],"http":[{"route":[{"destination":{"host":"podinfo-primary"},"weight":0},
        {"destination":{"host":"podinfo-canary"},"weight":0}]}]}""");
    assertThat(router.readRoutes(Canaries.podinfo())).isEqualTo(
        new Outcome.Failed("VirtualService podinfo.test routes 0% to both podinfo-primary and podinfo-canary"));
  }

  @Test
  void noCanaryDestination() {
    edited("""
        {"hosts":["podinfo"],"http":[{"route":[{"destination":{"host":"podinfo-primary"},"weight":100}]}]}""");
    assertThat(router.readRoutes(Canaries.podinfo()))
        .isEqualTo(new Outcome.Failed("VirtualService podinfo.test has no http route to podinfo-canary"));
  }

  @Test
  void noPrimaryNextToTheCanary() {
    edited("""
        {"hosts":["podinfo"],"http":[{"route":[{"destination":{"host":"podinfo-canary"},"weight":100}]}]}""");
    assertThat(router.readRoutes(Canaries.podinfo())).isEqualTo(new Outcome.Failed(
        "VirtualService podinfo.test routes to podinfo-canary without a destination podinfo-primary"));
  }

  @Test
  void weightsThatDoNotSumTo100() {
    edited("""
        {"hosts":["podinfo"],"http":[{"route":[{"destination":{"host":"podinfo-primary"},"weight":70},
        {"destination":{"host":"podinfo-canary"},"weight":20}]}]}""");
    assertThat(router.readRoutes(Canaries.podinfo())).isEqualTo(new Outcome.Failed("VirtualService podinfo.test"
        + " has weights 70/20 for podinfo-primary/podinfo-canary, which do not sum to 100"));
  }

  private void edited(String spec) {
    router.reconcile(Canaries.podinfo());
    istio.replaceSpec(istio.parse(spec));
  }
}
