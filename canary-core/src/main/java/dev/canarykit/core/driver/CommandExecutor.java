package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.port.AnalysisSlots;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.port.WebhookClient;
import dev.canarykit.core.port.WorkloadStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Executes commands through the port that owns each: a {@link Command.Handler} over the ports, so the compiler
 * checks that every command is handled and answered with its own type. A port that throws or returns
 * {@code null} yields {@link Outcome.Failed} (the ports promise values, see {@code dev.canarykit.core.port}).
 */
final class CommandExecutor {
  private final WorkloadStore workloads;
  private final TrafficRouter router;
  private final MetricSource metrics;
  private final WebhookClient webhooks;
  private final PortCalls portCalls;
  private final AnalysisSlots slots;

  CommandExecutor(WorkloadStore workloads, TrafficRouter router, MetricSource metrics, WebhookClient webhooks) {
    this(workloads, router, metrics, webhooks, PortCalls.DIRECT, AnalysisSlots.UNLIMITED);
  }

  CommandExecutor(WorkloadStore workloads, TrafficRouter router, MetricSource metrics, WebhookClient webhooks,
      PortCalls portCalls, AnalysisSlots slots) {
    this.slots = slots;
    this.workloads = workloads;
    this.router = router;
    this.metrics = metrics;
    this.webhooks = webhooks;
    this.portCalls = portCalls;
  }

  /** Executes {@code command} for {@code canary} at the tick's time {@code now}. */
  <R extends Outcome> Outcome execute(Canary canary, Command<R> command, Instant now) {
    try {
      R o = portCalls.call(() -> command.accept(new Ports(canary, now)));
      return o != null ? o : new Outcome.Failed("the port returned no outcome for " + command);
    } catch (RuntimeException e) {
      return new Outcome.Failed(message(e));
    }
  }

  /**
   * Whether {@code command} changes something outside (a write, a scale, a webhook call), so that a tick runs it
   * only through its {@link WriteFence}. Every command that is not a known read counts as a change.
   */
  static boolean changesSomething(Command<?> command) {
    return !(command instanceof Command.ObserveTarget || command instanceof Command.CheckReadiness
        || command instanceof Command.ReadRoutes || command instanceof Command.QueryMetric
        || command instanceof Command.QueryCounts || command instanceof Command.ProbeMetricProviders);
  }

  /** The outcome of a command that was not run, for {@code reason}. */
  static Outcome refused(Command<?> command, String reason) {
    return command instanceof Command.QueryMetric
        ? new Outcome.MetricError(reason, false) : new Outcome.Failed(reason);
  }

  static String message(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
  }

  /** The ports, answering for one canary at one tick's time. */
  private final class Ports implements Command.Handler {
    private final Canary canary;
    private final Instant now;

    Ports(Canary canary, Instant now) {
      this.canary = canary;
      this.now = now;
    }

    @Override
    public Outcome.RevisionResult observeTarget(Command.ObserveTarget command) {
      return workloads.observeTarget(canary);
    }

    @Override
    public Outcome.OkResult reconcileServices(Command.ReconcileServices command) {
      return workloads.reconcileServices(canary);
    }

    @Override
    public Outcome.OkResult probeMetricProviders(Command.ProbeMetricProviders command) {
      return metrics.probe(canary);
    }

    @Override
    public Outcome.OkResult ensurePrimary(Command.EnsurePrimary command) {
      return workloads.ensurePrimary(canary);
    }

    @Override
    public Outcome.ReadinessResult checkReadiness(Command.CheckReadiness command) {
      AnalysisSpec analysis = canary.spec().analysisOrEmpty();
      int threshold = command.workload() == Command.Workload.PRIMARY
          ? analysis.primaryReadyThresholdOrDefault()
          : analysis.canaryReadyThresholdOrDefault();
      Duration deadline = Duration.ofSeconds(canary.spec().progressDeadlineOrDefault());
      return workloads.readiness(canary, command.workload(), threshold, deadline, now);
    }

    @Override
    public Outcome.OkResult reconcileAutoscaler(Command.ReconcileAutoscaler command) {
      return workloads.reconcileAutoscaler(canary, command.allowUpdate());
    }

    @Override
    public Outcome.OkResult reconcileApexService(Command.ReconcileApexService command) {
      return workloads.reconcileApexService(canary);
    }

    @Override
    public Outcome.OkResult scaleToZero(Command.ScaleToZero command) {
      return workloads.scaleToZero(canary);
    }

    @Override
    public Outcome.OkResult scaleFromZero(Command.ScaleFromZero command) {
      return workloads.scaleFromZero(canary);
    }

    @Override
    public Outcome.OkResult reconcileRouting(Command.ReconcileRouting command) {
      return router.reconcile(canary);
    }

    @Override
    public Outcome.RoutesResult readRoutes(Command.ReadRoutes command) {
      return router.readRoutes(canary);
    }

    @Override
    public Outcome.OkResult setRoutes(Command.SetRoutes command) {
      return router.setRoutes(canary, command);
    }

    @Override
    public Outcome.OkResult promote(Command.Promote command) {
      return workloads.promote(canary);
    }

    @Override
    public Outcome.OkResult callWebhook(Command.CallWebhook command) {
      return webhooks.call(canary, command);
    }

    @Override
    public Outcome.MetricResult queryMetric(Command.QueryMetric command) {
      return metrics.query(canary, command.metric());
    }

    @Override
    public Outcome.CountsResult queryCounts(Command.QueryCounts command) {
      return metrics.counts(canary, command.window());
    }

    @Override
    public Outcome.SlotResult acquireAnalysisSlot(Command.AcquireAnalysisSlot command) {
      return slots.acquire(canary);
    }
  }
}
