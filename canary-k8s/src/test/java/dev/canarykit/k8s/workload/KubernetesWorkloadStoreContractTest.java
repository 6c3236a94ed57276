package dev.canarykit.k8s.workload;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.WorkloadStore;
import dev.canarykit.core.port.WorkloadStoreContract;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

@EnableKubernetesMockClient(crud = true)
class KubernetesWorkloadStoreContractTest extends WorkloadStoreContract {
  KubernetesClient client;

  @Override
  protected WorkloadStore createStore(Canary canary) {
    client.apps().deployments().resource(Fixtures.podinfo(canary.namespace())).create();
    return KubernetesWorkloadStore.builder(client).build();
  }

  @Override
  protected WorkloadStore createStoreWithoutTarget(Canary canary) {
    return KubernetesWorkloadStore.builder(client).build();
  }

  @Override
  protected void changeTargetTemplate(Canary canary) {
    Fixtures.setImage(client, canary.namespace(), canary.spec().targetRef().name(), "stefanprodan/podinfo:3.1.1");
  }
}
