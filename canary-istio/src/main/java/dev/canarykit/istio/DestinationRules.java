package dev.canarykit.istio;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import java.util.Map;

/** The DestinationRules {@code <svc>-primary} and {@code <svc>-canary} (§4.3). */
final class DestinationRules {
  private static final Class<io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule> SPEC =
      io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule.class;

  private final IstioObjects objects;
  private final CanaryOwners owners;

  DestinationRules(IstioObjects objects, CanaryOwners owners) {
    this.objects = objects;
    this.owners = owners;
  }

  /** Creates the rule named {@code host}, or updates its spec when it differs; no write otherwise. */
  Outcome.OkResult reconcile(Canary canary, String host) {
    String what = "DestinationRule " + host + "." + canary.namespace();
    ReadModifyWrite<DestinationRule> writer = new ReadModifyWrite<>(what,
        () -> objects.cachedDestinationRule(canary.namespace(), host),
        () -> objects.destinationRule(canary.namespace(), host), objects::create, objects::update);
    Map<String, Object> spec = objects.canonical(DestinationRuleSpecs.render(canary, host), SPEC);
    return writer.run("reconcile", live -> {
      if (live == null) {
        return Change.create(new DestinationRuleBuilder().withNewMetadata().withName(host)
            .withNamespace(canary.namespace()).withOwnerReferences(owners.ownerOf(canary).stream().toList())
            .endMetadata().withSpec(objects.typed(spec, SPEC)).build());
      }
      if (spec.equals(objects.tree(live.getSpec()))) {
        return Change.none();
      }
      live.setSpec(objects.typed(spec, SPEC));
      return Change.update(live);
    });
  }
}
