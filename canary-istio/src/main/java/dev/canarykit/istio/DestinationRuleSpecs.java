package dev.canarykit.istio;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.internal.IstioBlocks;
import java.util.Map;

/**
 * The DestinationRule {@code spec}s (§4.3): own host, the service's trafficPolicy (without fields outside Flagger's
 * schema) on both, no subsets.
 */
final class DestinationRuleSpecs {
  private DestinationRuleSpecs() {}

  /** {@code {host: <host>, trafficPolicy: service.trafficPolicy}}. */
  static Map<String, Object> render(Canary canary, String host) {
    return Trees.object("host", host, "trafficPolicy",
        IstioBlocks.prune(IstioBlocks.Block.TRAFFIC_POLICY, canary.spec().service().trafficPolicy()));
  }
}
