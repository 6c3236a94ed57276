package dev.canarykit.k8s.workload;

import dev.canarykit.core.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ports of the generated services (docs/flagger-compatibility.md §4.1), with portDiscovery. */
final class ServicePorts {
  private static final Set<String> SIDECARS = Set.of("istio-proxy", "envoy");

  private ServicePorts() {}

  static List<ServicePort> of(ServiceSpec s, PodSpec pod) {
    List<ServicePort> out = new ArrayList<>();
    IntOrString target = target(s);
    out.add(new ServicePortBuilder().withName(s.portName() == null || s.portName().isEmpty()
            ? ServiceSpec.DEFAULT_PORT_NAME : s.portName()).withProtocol("TCP").withPort(s.port())
        .withTargetPort(target).withAppProtocol(s.appProtocol()).build());
    if (s.portDiscovery() && pod != null && pod.getContainers() != null) {
      for (Container c : pod.getContainers()) {
        if (!SIDECARS.contains(c.getName())) {
          discover(c, s.port(), target, out);
        }
      }
    }
    return out;
  }

  private static void discover(Container c, int port, IntOrString target, List<ServicePort> out) {
    List<ContainerPort> ports = c.getPorts() == null ? List.of() : c.getPorts();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort p = ports.get(i);
      boolean main = p.getContainerPort() == port || Integer.valueOf(p.getContainerPort()).equals(target.getIntVal())
          || p.getName() != null && p.getName().equals(target.getStrVal());
      if (!main) {
        String name = p.getName() != null && !p.getName().isEmpty() ? p.getName() : "tcp-" + c.getName() + "-" + i;
        out.add(new ServicePortBuilder().withName(name).withProtocol("TCP").withPort(p.getContainerPort())
            .withTargetPort(new IntOrString(p.getContainerPort())).build());
      }
    }
  }

  private static IntOrString target(ServiceSpec s) {
    String t = s.targetPort();
    if (t == null || t.isEmpty()) {
      return new IntOrString(s.port());
    }
    return t.chars().allMatch(Character::isDigit) ? new IntOrString(Integer.parseInt(t)) : new IntOrString(t);
  }

  /** {@code desired} with the nodePorts of same-named ports in {@code existing} kept. */
  static List<ServicePort> keepNodePorts(List<ServicePort> desired, List<ServicePort> existing) {
    Map<String, Integer> nodePorts = new java.util.HashMap<>();
    if (existing != null) {
      existing.stream().filter(p -> p.getNodePort() != null).forEach(p -> nodePorts.put(p.getName(), p.getNodePort()));
    }
    return desired.stream().map(p -> new ServicePortBuilder(p).withNodePort(nodePorts.get(p.getName())).build())
        .toList();
  }
}
