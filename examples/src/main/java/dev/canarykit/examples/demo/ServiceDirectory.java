package dev.canarykit.examples.demo;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.Optional;

/**
 * Which Deployment's pods a service name reaches, as kube-proxy and Envoy would: the Service's selector matched
 * against each Deployment's pod labels. Without a Service of that name (before canarykit creates them), the name is
 * taken as the Deployment's, with {@code -canary} naming the target.
 */
final class ServiceDirectory implements AutoCloseable {
  private final String namespace;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Deployment> deployments;

  ServiceDirectory(KubernetesClient client, String namespace, SharedIndexInformer<Deployment> deployments) {
    this.namespace = namespace;
    this.services = client.services().inNamespace(namespace).inform();
    this.deployments = deployments;
  }

  /** The Deployment behind {@code service}, if any. */
  Optional<Deployment> deployment(String service) {
    Service s = services.getStore().getByKey(namespace + "/" + service);
    if (s == null || s.getSpec() == null || s.getSpec().getSelector() == null) {
      String name = service.endsWith("-canary") ? service.substring(0, service.length() - 7) : service;
      return Optional.ofNullable(deployments.getStore().getByKey(namespace + "/" + name));
    }
    Map<String, String> selector = s.getSpec().getSelector();
    return deployments.getStore().list().stream().filter(d -> selects(selector, d)).findFirst();
  }

  private static boolean selects(Map<String, String> selector, Deployment d) {
    Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
    return labels != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
  }

  @Override
  public void close() {
    services.close();
  }
}
