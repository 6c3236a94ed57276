package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.port.WebhookClient;
import dev.canarykit.core.port.WorkloadStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Executes one command through the port that owns it. A port that throws or returns {@code null} yields a
 * failure value ({@link Outcome.MetricError} for metric queries, {@link Outcome.Failed} otherwise).
 *
 * <p>Java 17 has no pattern switch over a sealed interface, so dispatch is an {@code instanceof} chain;
 * {@code CommandExecutorTest} fails when a permitted {@link Command} is not handled here.
 */
final class CommandExecutor {
  private final WorkloadStore workloads;
  private final TrafficRouter router;
  private final MetricSource metrics;
  private final WebhookClient webhooks;

  CommandExecutor(WorkloadStore workloads, TrafficRouter router, MetricSource metrics, WebhookClient webhooks) {
    this.workloads = workloads;
    this.router = router;
    this.metrics = metrics;
    this.webhooks = webhooks;
  }

  /**
   * Executes {@code command}.
   *
   * @throws IllegalStateException if no port handles the command (a new {@link Command} this class misses)
   */
  Outcome execute(Canary canary, Command command, Instant now) {
    if (command instanceof Command.QueryMetric q) {
      return guardMetric(() -> metrics.query(canary, q.metric()));
    }
    return guard(route(canary, command, now));
  }

  private Supplier<Outcome> route(Canary canary, Command command, Instant now) {
    if (command instanceof Command.CheckReadiness r) {
      return () -> readiness(canary, r.workload(), now);
    } else if (command instanceof Command.SetRoutes s) {
      return () -> router.setRoutes(canary, s);
    } else if (command instanceof Command.CallWebhook w) {
      return () -> webhooks.call(canary, w);
    } else if (command instanceof Command.ReconcileAutoscaler a) {
      return () -> workloads.reconcileAutoscaler(canary, a.allowUpdate());
    } else if (command instanceof Command.QueryCounts q) {
      return () -> metrics.counts(canary, q.window());
    }
    return routePlain(canary, command);
  }

  private Supplier<Outcome> routePlain(Canary canary, Command command) {
    if (command instanceof Command.ObserveTarget) {
      return () -> workloads.observeTarget(canary);
    } else if (command instanceof Command.ReconcileServices) {
      return () -> workloads.reconcileServices(canary);
    } else if (command instanceof Command.ProbeMetricProviders) {
      return () -> metrics.probe(canary);
    } else if (command instanceof Command.EnsurePrimary) {
      return () -> workloads.ensurePrimary(canary);
    } else if (command instanceof Command.ReconcileApexService) {
      return () -> workloads.reconcileApexService(canary);
    } else if (command instanceof Command.ScaleToZero) {
      return () -> workloads.scaleToZero(canary);
    } else if (command instanceof Command.ScaleFromZero) {
      return () -> workloads.scaleFromZero(canary);
    } else if (command instanceof Command.ReconcileRouting) {
      return () -> router.reconcile(canary);
    } else if (command instanceof Command.ReadRoutes) {
      return () -> router.readRoutes(canary);
    } else if (command instanceof Command.Promote) {
      return () -> workloads.promote(canary);
    }
    throw new IllegalStateException("no port handles " + command);
  }

  /**
   * Whether {@code command} changes something outside (a write, a scale, a webhook call), so that a tick runs it
   * only through its {@link WriteFence}. Every command that is not a known read counts as a change.
   */
  static boolean changesSomething(Command command) {
    return !(command instanceof Command.ObserveTarget || command instanceof Command.CheckReadiness
        || command instanceof Command.ReadRoutes || command instanceof Command.QueryMetric
        || command instanceof Command.QueryCounts || command instanceof Command.ProbeMetricProviders);
  }

  /** The outcome of a command that a closed fence did not let run. */
  static Outcome refused(Command command) {
    return command instanceof Command.QueryMetric
        ? new Outcome.MetricError(WriteFence.CLOSED, false) : new Outcome.Failed(WriteFence.CLOSED);
  }

  private Outcome readiness(Canary canary, Command.Workload workload, Instant now) {
    AnalysisSpec analysis = canary.spec().analysisOrEmpty();
    int threshold = workload == Command.Workload.PRIMARY
        ? analysis.primaryReadyThresholdOrDefault()
        : analysis.canaryReadyThresholdOrDefault();
    Duration deadline = Duration.ofSeconds(canary.spec().progressDeadlineOrDefault());
    return workloads.readiness(canary, workload, threshold, deadline, now);
  }

  private static Outcome guard(Supplier<Outcome> call) {
    try {
      Outcome o = call.get();
      return o != null ? o : new Outcome.Failed("the port returned no outcome");
    } catch (RuntimeException e) {
      return new Outcome.Failed(message(e));
    }
  }

  private static Outcome guardMetric(Supplier<Outcome.MetricResult> call) {
    try {
      Outcome o = call.get();
      return o != null ? o : new Outcome.MetricError("the metric source returned no result", false);
    } catch (RuntimeException e) {
      return new Outcome.MetricError(message(e), false);
    }
  }

  static String message(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
  }
}
