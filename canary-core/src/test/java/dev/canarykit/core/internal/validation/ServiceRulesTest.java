package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceRulesTest {

  @Test
  void serviceIsRequired() {
    assertSingle(Seed.withSpec(s -> s.service(null)), "spec.service", null);
  }

  @Test
  void portIsRequired() {
    assertSingle(Seed.withService(s -> s.port(null)), "spec.service.port", null);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void portMustBeInRange(int port) {
    assertSingle(Seed.withService(s -> s.port(port)), "spec.service.port", port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "123456"})
  void numericTargetPortMustBeInRange(String targetPort) {
    assertSingle(Seed.withService(s -> s.targetPort(targetPort)), "spec.service.targetPort", targetPort);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP", "http_alt", "a-very-long-port-name", "-http", "http--alt", "9898x!"})
  void namedTargetPortMustBeIanaServiceName(String targetPort) {
    assertSingle(Seed.withService(s -> s.targetPort(targetPort)), "spec.service.targetPort", targetPort);
  }

  @Test
  void namedTargetPortIsAccepted() {
    assertValid(Seed.withService(s -> s.targetPort("http-metrics")));
    assertValid(Seed.withService(s -> s.targetPort("65535")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Http", "grpc_web", "1234", "abcdefghijklmnop"})
  void portNameMustBeIanaServiceName(String portName) {
    assertSingle(Seed.withService(s -> s.portName(portName)), "spec.service.portName", portName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Podinfo", "1podinfo", "podinfo.svc", "podinfo-"})
  void serviceNameMustBeRfc1035Label(String name) {
    assertSingle(Seed.withService(s -> s.name(name)), "spec.service.name", name);
  }

  @Test
  void serviceNameMustLeaveRoomForPrimarySuffix() {
    assertValid(Seed.withService(s -> s.name("s".repeat(55))));
    String tooLong = "s".repeat(56);
    assertSingle(Seed.withService(s -> s.name(tooLong)), "spec.service.name", tooLong);
  }

  @Test
  void timeoutMustBeGoDuration() {
    assertValid(Seed.withService(s -> s.timeout("1m30s")));
    assertSingle(Seed.withService(s -> s.timeout("30")), "spec.service.timeout", "30");
  }

  @Test
  void delegationForbidsHostsAndGateways() {
    assertSingle(Seed.withService(s -> s.delegation(true)), "spec.service",
        "hosts=[*], gateways=[public-gateway.istio-system.svc.cluster.local]");
    assertValid(Seed.withService(s -> s.delegation(true).hosts(List.of()).gateways(List.of())));
  }

  @Test
  void hostsAndGatewaysMustNotBeBlank() {
    assertSingle(Seed.withService(s -> s.hosts(List.of("*", " "))), "spec.service.hosts[1]", " ");
    assertSingle(Seed.withService(s -> s.gateways(Arrays.asList("mesh", ""))), "spec.service.gateways[1]", "");
  }
}
