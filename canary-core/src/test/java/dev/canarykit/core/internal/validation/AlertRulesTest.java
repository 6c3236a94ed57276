package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;

import dev.canarykit.core.model.AlertSpec;
import dev.canarykit.core.model.AlertSpec.ProviderRef;
import dev.canarykit.core.model.Canary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertRulesTest {
  private static final String A = "spec.analysis.alerts[0]";
  private static final ProviderRef SLACK = new ProviderRef("on-call", "flagger");

  @ParameterizedTest
  @ValueSource(strings = {"", "info", "warn", "error"})
  void knownSeveritiesAreAccepted(String severity) {
    assertValid(with(new AlertSpec("on-call", severity, SLACK)));
    assertValid(with(new AlertSpec("on-call", null, new ProviderRef("on-call", null))));
  }

  @Test
  void nameIsRequired() {
    assertSingle(with(new AlertSpec(" ", "info", SLACK)), A + ".name", " ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"warning", "INFO", "critical"})
  void severityMustBeInfoWarnOrError(String severity) {
    assertSingle(with(new AlertSpec("on-call", severity, SLACK)), A + ".severity", severity);
  }

  @Test
  void providerRefAndItsNameAreRequired() {
    assertSingle(with(new AlertSpec("on-call", "info", null)), A + ".providerRef", null);
    assertSingle(with(new AlertSpec("on-call", "info", new ProviderRef(null, "flagger"))), A + ".providerRef.name",
        null);
  }

  @Test
  void providerRefNamespaceMustBeALabel() {
    assertSingle(with(new AlertSpec("on-call", "info", new ProviderRef("on-call", "Flagger"))),
        A + ".providerRef.namespace", "Flagger");
  }

  private static Canary with(AlertSpec alert) {
    return Seed.withAnalysis(a -> a.alerts(List.of(alert)));
  }
}
