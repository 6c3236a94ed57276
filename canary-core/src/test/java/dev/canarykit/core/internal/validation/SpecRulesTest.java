package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecRulesTest {

  @Test
  void progressDeadlineSecondsMustNotBeNegative() {
    assertSingle(Seed.withSpec(s -> s.progressDeadlineSeconds(-1)), "spec.progressDeadlineSeconds", -1);
    assertValid(Seed.withSpec(s -> s.progressDeadlineSeconds(0)));
    assertValid(Seed.withSpec(s -> s.progressDeadlineSeconds(null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "istio", "kubernetes", "linkerd", "appmesh", "appmesh:v1beta2", "contour", "gloo",
      "nginx", "skipper", "traefik", "osm", "kuma", "gatewayapi:v1", "gatewayapi:v1beta1", "gatewayapi:v1alpha2",
      "gatewayapi", "apisix", "knative", "smi", "smi:v1alpha1", "smi:v1alpha3"})
  void knownProvidersAreAccepted(String provider) {
    assertValid(Seed.withSpec(s -> s.provider(provider).analysis(provider.equals("kubernetes")
        ? Seed.analysis().toBuilder().iterations(10).build() : Seed.analysis())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Istio", "consul", "gatewayapi:", "smi:latest", "envoy", "appmesh:v1beta2 "})
  void unknownProvidersAreRejected(String provider) {
    assertSingle(Seed.withSpec(s -> s.provider(provider)), "spec.provider", provider);
  }

  @ParameterizedTest
  @ValueSource(strings = {"prometheus:9090", "/api", "ftp://prometheus:9090", "http://", "http://prom etheus"})
  void metricsServerMustBeAbsoluteHttpUrl(String server) {
    assertSingle(Seed.withSpec(s -> s.metricsServer(server)), "spec.metricsServer", server);
  }

  @Test
  void metricsServerMayHaveAPathPrefix() {
    assertValid(Seed.withSpec(s -> s.metricsServer("https://thanos.example.com/prometheus")));
  }
}
