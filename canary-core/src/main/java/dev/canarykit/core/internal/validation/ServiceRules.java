package dev.canarykit.core.internal.validation;

import dev.canarykit.core.internal.GoDuration;
import dev.canarykit.core.model.ServiceSpec;
import java.util.List;

/** Rules for {@code spec.service}: names, ports, timeout, delegation and generated metadata. */
final class ServiceRules {
  private ServiceRules() {}

  /** Whether {@code name} can name the apex service and its {@code -primary}/{@code -canary} siblings. */
  static boolean isServiceName(String name) {
    return name.length() <= Names.MAX_SERVICE_NAME && Names.isRfc1035Label(name);
  }

  static void check(ServiceSpec service, Violations parent) {
    if (parent.missing("service", service)) {
      return;
    }
    Violations v = parent.at("service");
    checkName(service.name(), v);
    checkPorts(service, v);
    checkRouting(service, v);
    MetadataRules.checkCustom(service.apex(), v.at("apex"));
    MetadataRules.checkCustom(service.primary(), v.at("primary"));
    MetadataRules.checkCustom(service.canary(), v.at("canary"));
  }

  private static void checkName(String name, Violations v) {
    if (name != null && !name.isEmpty() && !isServiceName(name)) {
      v.add("name", name, "must be an RFC 1035 label of at most " + Names.MAX_SERVICE_NAME + " characters, so"
          + " that <name>-primary and <name>-canary fit in 63: lowercase letters, digits and '-', starting with"
          + " a letter and ending with a letter or digit");
    }
  }

  private static void checkPorts(ServiceSpec s, Violations v) {
    if (!v.missing("port", s.port())) {
      v.range("port", s.port(), 1, 65535);
    }
    checkTargetPort(s.targetPort(), v);
    if (s.portName() != null && !s.portName().isEmpty() && !Names.isIanaSvcName(s.portName())) {
      v.add("portName", s.portName(), "must be an IANA service name: at most 15 lowercase letters, digits and"
          + " '-', with at least one letter, no '--', not starting or ending with '-'");
    }
  }

  private static void checkTargetPort(String targetPort, Violations v) {
    if (targetPort == null || targetPort.isEmpty()) {
      return;
    }
    if (targetPort.chars().allMatch(c -> c >= '0' && c <= '9')) {
      boolean inRange = targetPort.length() <= 5 && Integer.parseInt(targetPort) >= 1
          && Integer.parseInt(targetPort) <= 65535;
      if (!inRange) {
        v.add("targetPort", targetPort, "must be a port number between 1 and 65535 or a port name");
      }
    } else if (!Names.isIanaSvcName(targetPort)) {
      v.add("targetPort", targetPort, "must be a port number between 1 and 65535 or an IANA service name: at most"
          + " 15 lowercase letters, digits and '-', with at least one letter");
    }
  }

  private static void checkRouting(ServiceSpec s, Violations v) {
    if (s.timeout() != null && !s.timeout().isEmpty() && !GoDuration.isValid(s.timeout())) {
      v.add("timeout", s.timeout(), "must be a Go duration such as 30s, 1m or 1m30s");
    }
    if (s.delegation() && (!s.hosts().isEmpty() || !s.gateways().isEmpty())) {
      v.addHere("hosts=" + s.hosts() + ", gateways=" + s.gateways(), "a delegate VirtualService (delegation: true) must not set hosts or gateways");
    }
    checkNotBlank(s.hosts(), v.at("hosts"));
    checkNotBlank(s.gateways(), v.at("gateways"));
  }

  private static void checkNotBlank(List<String> items, Violations v) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null || items.get(i).isBlank()) {
        v.at(i).addHere(items.get(i), "must not be empty");
      }
    }
  }
}
