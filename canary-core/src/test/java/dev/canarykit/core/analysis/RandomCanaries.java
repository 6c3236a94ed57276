package dev.canarykit.core.analysis;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.SessionAffinity;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random valid canaries and random worlds for property tests. */
final class RandomCanaries {
  private RandomCanaries() {}

  static Canary canary(Random rnd) {
    AnalysisSpec.Builder a = Fixtures.seedAnalysis().threshold(1 + rnd.nextInt(5))
        .stepWeightPromotion(rnd.nextBoolean() ? null : 1 + rnd.nextInt(100))
        .webhooks(hooks(rnd));
    switch (rnd.nextInt(4)) {
      case 0 -> a.iterations(1 + rnd.nextInt(4)).mirror(rnd.nextBoolean());
      case 1 -> a.iterations(1 + rnd.nextInt(4))
          .match(List.of(Map.of("headers", Map.of("x-canary", Map.of("exact", "yes")))));
      case 2 -> a.stepWeight(null).maxWeight(null).stepWeights(ascending(rnd)).mirror(rnd.nextInt(4) == 0);
      default -> a.stepWeight(1 + rnd.nextInt(60)).maxWeight(1 + rnd.nextInt(100)).mirror(rnd.nextInt(4) == 0);
    }
    if (rnd.nextInt(4) == 0) {
      a.sessionAffinity(new SessionAffinity("c-session", rnd.nextBoolean() ? "p-session" : null, null, null, false,
          false, null, null, false));
    }
    CanarySpec.Builder spec = Fixtures.seedSpec().toBuilder().analysis(a.build())
        .skipAnalysis(rnd.nextInt(10) == 0)
        .provider(rnd.nextInt(10) == 0 ? "kubernetes" : null);
    return Fixtures.with(spec.build());
  }

  private static List<Integer> ascending(Random rnd) {
    List<Integer> out = new ArrayList<>();
    int w = 0;
    int n = 1 + rnd.nextInt(5);
    for (int i = 0; i < n && w < 100; i++) {
      w = Math.min(100, w + 1 + rnd.nextInt(40));
      out.add(w);
    }
    return out;
  }

  private static List<WebhookSpec> hooks(Random rnd) {
    List<WebhookSpec> hooks = new ArrayList<>();
    for (WebhookType type : WebhookType.values()) {
      if (rnd.nextInt(3) == 0) {
        hooks.add(WebhookSpec.of(type.wireName() + "-hook", type, "http://hooks.test/" + type.wireName()));
      }
    }
    return hooks;
  }

  /** A random answer to {@code c}, or {@code null} to let the world answer from its state. */
  static Outcome answer(Random rnd, Command<?> c) {
    int roll = rnd.nextInt(100);
    if (c instanceof Command.ObserveTarget || c instanceof Command.ReadRoutes || c instanceof Command.EnsurePrimary) {
      return null;
    }
    if (c instanceof Command.CheckReadiness) {
      return roll < 85 ? Outcome.Readiness.READY
          : roll < 97 ? Outcome.Readiness.waiting("waiting for rollout to finish")
          : Outcome.Readiness.failed("deployment exceeded its progress deadline");
    }
    if (c instanceof Command.CallWebhook) {
      return roll < 80 ? Outcome.OK : new Outcome.Failed("denied");
    }
    if (c instanceof Command.QueryMetric q) {
      if (roll < 70) {
        return new Outcome.MetricValue(q.metric().name().equals("request-success-rate")
            ? 97 + rnd.nextDouble() * 3 : rnd.nextDouble() * 600);
      }
      return roll < 85 ? new Outcome.NoData("no values found") : new Outcome.MetricError("timeout", false);
    }
    if (c instanceof Command.SetRoutes) {
      return roll < 10 ? new Outcome.Failed("VirtualService update failed") : null;
    }
    return roll < 3 ? new Outcome.Failed("api error") : null;
  }
}
