package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.ServiceSpec.CustomMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"Podinfo", "podinfo_v2", "-podinfo", "podinfo-", "pod info", "podinfo..v2"})
  void nameMustBeKubernetesName(String name) {
    assertSingle(new Canary(name, "test", Seed.spec()), "metadata.name", name);
  }

  @Test
  void nameIsRequired() {
    assertSingle(new Canary(null, "test", Seed.spec()), "metadata.name", null);
  }

  @Test
  void nameMayBeDottedSubdomainUpTo253() {
    assertValid(new Canary("podinfo.v2", "test", Seed.spec()));
    String tooLong = "a".repeat(254);
    assertSingle(new Canary(tooLong, "test", Seed.spec()), "metadata.name", tooLong);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Test", "my.ns", "ns_1", "-ns"})
  void namespaceMustBeLabel(String namespace) {
    assertSingle(new Canary("podinfo", namespace, Seed.spec()), "metadata.namespace", namespace);
  }

  @Test
  void namespaceLongerThan63IsRejected() {
    String ns = "n".repeat(64);
    assertSingle(new Canary("podinfo", ns, Seed.spec()), "metadata.namespace", ns);
    assertValid(new Canary("podinfo", "n".repeat(63), Seed.spec()));
  }

  @Test
  void generatedLabelKeysAndValuesMustBeValid() {
    assertValid(Seed.withService(s -> s.apex(new CustomMetadata(Map.of("app.kubernetes.io/name", "podinfo"),
        Map.of("example.com/owner", "team a")))));
    assertSingle(Seed.withService(s -> s.primary(new CustomMetadata(Map.of("tier", "front end"), Map.of()))),
        "spec.service.primary.labels.tier", "front end");
    assertSingle(Seed.withService(s -> s.canary(new CustomMetadata(Map.of("bad key", "x"), Map.of()))),
        "spec.service.canary.labels.bad key", "bad key");
    assertSingle(Seed.withService(s -> s.apex(new CustomMetadata(Map.of(), Map.of("/nope", "x")))),
        "spec.service.apex.annotations./nope", "/nope");
  }
}
