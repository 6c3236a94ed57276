package dev.canarykit.k8s.status;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.port.StatusStoreContract;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

@EnableKubernetesMockClient(crud = true)
class KubernetesStatusStoreContractTest extends StatusStoreContract {
  KubernetesClient client;
  KubernetesMockServer server;

  @Override
  protected StatusStore createStore(Canary canary) {
    Canaries.install(client, canary);
    return KubernetesStatusStore.create(client);
  }
}
