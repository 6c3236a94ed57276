package dev.canarykit.core.internal.validation;

import dev.canarykit.core.internal.IstioBlocks;
import dev.canarykit.core.internal.IstioBlocks.Block;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.Provider;
import dev.canarykit.core.model.ServiceSpec;
import java.util.List;
import java.util.Map;

/**
 * Rules for the Istio blocks of an {@code istio} Canary ({@link IstioBlocks}): no field outside Flagger's schema
 * (a Canary read from Kubernetes has lost them already; one built in Java is told here, as the API server would
 * silently prune them), and no match without a condition.
 *
 * <p><b>Decision: a match with no condition is invalid.</b> Istio reads an empty HTTPMatchRequest ({@code {}}, or
 * one whose only fields were pruned: {@code {bogusMatch: ...}}) as a match of every request. In
 * {@code service.match} it turns a route meant for some requests into a catch-all; in {@code analysis.match} it
 * sends every request to the canary during A/B testing. Neither is what the Canary asks for.
 */
final class IstioBlockRules {
  private IstioBlockRules() {}

  static void check(CanarySpec spec, Violations v) {
    if (spec.providerType() != Provider.ISTIO) {
      return;
    }
    ServiceSpec s = spec.service();
    if (s != null) {
      unknown(Block.SERVICE_MATCH, s.match(), v);
      unknown(Block.REWRITE, s.rewrite(), v);
      unknown(Block.RETRIES, s.retries(), v);
      unknown(Block.HEADERS, s.headers(), v);
      unknown(Block.CORS_POLICY, s.corsPolicy(), v);
      unknown(Block.TRAFFIC_POLICY, s.trafficPolicy(), v);
      noEmptyMatch(Block.SERVICE_MATCH, s.match(), v);
    }
    if (spec.analysis() != null) {
      unknown(Block.ANALYSIS_MATCH, spec.analysis().match(), v);
      noEmptyMatch(Block.ANALYSIS_MATCH, spec.analysis().match(), v);
    }
  }

  private static void unknown(Block block, Object tree, Violations spec) {
    for (String field : IstioBlocks.unknownFields(block, tree)) {
      String path = field.startsWith("[") ? inSpec(block) + field : inSpec(block) + "." + field;
      spec.add(path, null, "is not a field of Flagger's schema for Istio's " + block.istioType() + ": the API"
          + " server would prune it, so canarykit never writes it");
    }
  }

  private static void noEmptyMatch(Block block, List<Map<String, Object>> matches, Violations spec) {
    List<Map<String, Object>> pruned = IstioBlocks.prune(block, matches);
    for (int i = 0; i < pruned.size(); i++) {
      if (IstioBlocks.matchesEverything(pruned.get(i))) {
        spec.add(inSpec(block) + "[" + i + "]", null, "has no"
            + " condition (fields outside Flagger's schema do not count): Istio would match every request with"
            + " it" + (block == Block.ANALYSIS_MATCH ? " and send all of them to the canary" : "")
            + "; give it a condition or remove it");
      }
    }
  }

  /** The block's path under {@code spec}. */
  private static String inSpec(Block block) {
    return block.path().substring("spec.".length());
  }
}
