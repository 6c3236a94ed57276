package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Istio acceptance checks name the route and the bad value. */
class RouteChecksTest {

  private static Map<String, Object> dest(String host, Object weight) {
    return Trees.object("destination", Trees.object("host", host), "weight", weight);
  }

  @Test
  void acceptsAWeightedRoute() {
    Map<String, Object> spec = Map.of("hosts", List.of("podinfo"),
        "http", List.of(Map.of("route", List.of(dest("p", 90), dest("c", 10)))));
    assertThat(RouteChecks.problems(spec, false)).isEmpty();
  }

  @Test
  void weightsMustSumTo100() {
    Map<String, Object> spec = Map.of("hosts", List.of("podinfo"),
        "http", List.of(Map.of("route", List.of(dest("p", 90), dest("c", 20)))));
    assertThat(RouteChecks.problems(spec, false)).containsExactly("spec.http[0] weights sum to 110, not 100");
  }

  @Test
  void everyRouteNeedsADestinationWithAHost() {
    Map<String, Object> spec = Map.of("hosts", List.of("podinfo"), "tcp", List.of(Map.of(),
        Map.of("route", List.of(dest("", 100)))));
    assertThat(RouteChecks.problems(spec, false)).containsExactly("spec.tcp[0] has no destination",
        "spec.tcp[1].route[0] has no destination host");
  }

  @Test
  void hostsOnlyOptionalForDelegates() {
    Map<String, Object> spec = Map.of("http", List.of(Map.of("route", List.of(dest("p", 100)))));
    assertThat(RouteChecks.problems(spec, false)).containsExactly("spec.hosts is empty");
    assertThat(RouteChecks.problems(spec, true)).isEmpty();
  }

  @Test
  void weightAndMirrorPercentageRanges() {
    Map<String, Object> spec = Map.of("hosts", List.of("x"), "http", List.of(Map.of("mirrorPercentage",
        Map.of("value", 150), "route", List.of(dest("p", 110), dest("c", -10)))));
    assertThat(RouteChecks.problems(spec, false)).containsExactly("spec.http[0].route[0].weight is 110, not 0-100",
        "spec.http[0].route[1].weight is -10, not 0-100", "spec.http[0].mirrorPercentage.value is 150, not 0-100");
  }
}
