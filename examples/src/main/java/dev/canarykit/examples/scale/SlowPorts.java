package dev.canarykit.examples.scale;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.port.WebhookClient;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory router, metrics and webhooks for the harness: every metric query and webhook call waits {@code delay}
 * (as a remote Prometheus or load tester would) and then passes; each canary has its own in-memory route.
 */
final class SlowPorts implements MetricSource, WebhookClient {
  private final Duration delay;
  private final Map<String, InMemoryTrafficRouter> routes = new ConcurrentHashMap<>();

  SlowPorts(Duration delay) {
    this.delay = delay;
  }

  @Override
  public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
    waitForTheAnswer();
    return new Outcome.MetricValue(metric.name().equals(MetricSpec.REQUEST_DURATION) ? 120 : 99.9);
  }

  @Override
  public Outcome.OkResult probe(Canary canary) {
    return Outcome.OK;
  }

  @Override
  public Outcome.OkResult call(Canary canary, Command.CallWebhook call) {
    waitForTheAnswer();
    return Outcome.OK;
  }

  private void waitForTheAnswer() {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A router keeping one in-memory route per canary. */
  TrafficRouter router() {
    return new TrafficRouter() {
      @Override
      public Outcome.OkResult reconcile(Canary canary) {
        return route(canary).reconcile(canary);
      }

      @Override
      public Outcome.RoutesResult readRoutes(Canary canary) {
        return route(canary).readRoutes(canary);
      }

      @Override
      public Outcome.OkResult setRoutes(Canary canary, Command.SetRoutes routes) {
        return route(canary).setRoutes(canary, routes);
      }

      @Override
      public Outcome.OkResult revert(Canary canary) {
        return route(canary).revert(canary);
      }
    };
  }

  private InMemoryTrafficRouter route(Canary canary) {
    return routes.computeIfAbsent(canary.namespace() + "/" + canary.name(), k -> new InMemoryTrafficRouter());
  }
}
