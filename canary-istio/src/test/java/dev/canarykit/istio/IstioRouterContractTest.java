package dev.canarykit.istio;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.port.TrafficRouterContract;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/** The core's router contract, against the CRUD mock server. */
@EnableKubernetesMockClient(crud = true)
class IstioRouterContractTest extends TrafficRouterContract {
  KubernetesClient client;

  @Override
  protected TrafficRouter createRouter(Canary canary) {
    return new IstioTrafficRouter(client);
  }
}
