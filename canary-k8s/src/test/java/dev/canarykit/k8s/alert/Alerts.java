package dev.canarykit.k8s.alert;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.model.AlertSpec;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.ContractFixtures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Canaries with alert routes and Flagger's alerts, for the alert tests. */
final class Alerts {
  private Alerts() {}

  static final Alert INITIALIZED = new Alert(Severity.INFO, "New Deployment detected, initialization completed.",
      metadata());
  static final Alert WAITING = new Alert(Severity.WARN, "Canary is waiting for approval.", Map.of());
  static final Alert FAILED = new Alert(Severity.ERROR, "Failed checks threshold reached 2", Map.of());

  static Map<String, String> metadata() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Target", "Deployment/podinfo.test");
    m.put("Failed checks threshold", "2");
    m.put("Progress deadline", "600s");
    m.put("Traffic routing", "Weight step: 10 max: 50");
    return m;
  }

  static AlertSpec route(String name, String severity, String provider) {
    return new AlertSpec(name, severity, new AlertSpec.ProviderRef(provider, null));
  }

  static Canary withRoutes(AlertSpec... routes) {
    Canary c = ContractFixtures.canary();
    return new Canary(c.name(), c.namespace(),
        c.spec().withAnalysis(c.spec().analysisOrEmpty().toBuilder().alerts(Arrays.asList(routes)).build()));
  }
}
