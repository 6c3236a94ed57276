package dev.canarykit.istio;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the router tests that need nothing else: a fabric8 mock server in CRUD mode, the router under test
 * (owning no other Canary's objects) and {@link Istio} to read and write the objects it routes with.
 */
@EnableKubernetesMockClient(crud = true)
abstract class RouterFixture {
  KubernetesClient client;
  Istio istio;
  IstioTrafficRouter router;

  @BeforeEach
  void startRouter() {
    istio = new Istio(client);
    router = new IstioTrafficRouter(client, CanaryOwners.none());
  }
}
