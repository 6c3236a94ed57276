package dev.canarykit.k8s.event;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.EventSinkContract;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Comparator;
import java.util.List;

@EnableKubernetesMockClient(crud = true)
class KubernetesEventSinkContractTest extends EventSinkContract {
  KubernetesClient client;

  @Override
  protected EventSink createSink() {
    return KubernetesEventSink.builder(client).build();
  }

  @Override
  protected List<String> published(EventSink sink, Canary canary) {
    return client.v1().events().inNamespace(canary.namespace()).list().getItems().stream()
        .filter(e -> canary.name().equals(e.getInvolvedObject().getName()))
        .sorted(Comparator.comparing(e -> e.getMetadata().getName())).map(Event::getMessage).toList();
  }
}
