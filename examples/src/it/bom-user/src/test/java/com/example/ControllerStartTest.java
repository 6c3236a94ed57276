package com.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerStartException;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * What a new user meets first: a client built with fabric8's builder (its HTTP implementation comes with
 * canary-k8s), the README's controller, and an API server that does not answer.
 */
class ControllerStartTest {
  @Test
  void anUnreachableApiServerIsNamedAndTheControllerStaysUsable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (KubernetesClient k8s = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).build()).build()) {
      CanaryController controller =
          CanaryController.create(k8s, Wiring.config(k8s, new SimpleMeterRegistry(), "canarykit-0"));
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(controller::start).isInstanceOf(ControllerStartException.class)
            .hasMessageStartingWith("cannot reach the Kubernetes API server at http://127.0.0.1:" + port);
      }
      assertThat(controller.isLeading()).isFalse();
      controller.close();
      controller.close();
    }
  }
}
