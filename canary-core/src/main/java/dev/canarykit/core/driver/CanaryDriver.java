package dev.canarykit.core.driver;

import dev.canarykit.core.analysis.CanaryAnalysis;
import dev.canarykit.core.analysis.Transition;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.port.AnalysisSlots;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.port.MetricSource;
import dev.canarykit.core.port.StatusStore;
import dev.canarykit.core.port.StatusStore.StatusRead;
import dev.canarykit.core.port.StatusStore.StatusWrite;
import dev.canarykit.core.port.TrafficRouter;
import dev.canarykit.core.port.WebhookClient;
import dev.canarykit.core.port.WorkloadStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs ticks of the canary state machine against the ports: read the status, step the machine, execute each
 * command through its port, feed the outcome back, publish events and alerts as they appear, and write the final
 * status when it changed.
 *
 * <p><b>Conflicts.</b> Every command is a reconcile towards a desired state, and the machine decides from the
 * stored status plus what the ports report (weights come from the router, never from the status). So when the
 * status write meets a conflict (someone else wrote the Canary during the tick), the driver writes nothing and
 * reports {@link TickReport.Persistence#CONFLICT}; the next tick re-reads the status and decides again. It never
 * overwrites a status it did not read.
 *
 * <p><b>Fresh status.</b> Every tick decides from a status at least as new as the last one this driver wrote: the
 * driver remembers, per canary, the status version it last wrote or read with {@link StatusStore#readLatest},
 * and when {@link StatusStore#read} (which may come from a lagging cache) answers with any other version it reads
 * the latest status instead. Its first tick of each canary therefore reads the latest status once.
 *
 * <p><b>Fenced writes.</b> Every side effect of a tick (a command that changes something, an event, an alert,
 * the status write) passes through the driver's {@link WriteFence}; once its owner closed it, the tick's remaining
 * commands fail, nothing more is published, and the status is not written ({@link TickReport.Persistence#FENCED}).
 * The same holds once the tick's thread is interrupted (a tick deadline, a stopping controller): the call it was
 * in ends as its port handles the interrupt, and nothing after it starts ({@link #INTERRUPTED}).
 *
 * <p>Besides those versions and a count of {@link #listenerFailures() listener failures} a driver keeps no state
 * between ticks, and may tick several canaries, also concurrently, if its ports allow.
 */
public final class CanaryDriver {
  /** The failure of what a tick did not do because its thread was interrupted. */
  public static final String INTERRUPTED =
      "not done: the tick was interrupted (its deadline passed or its controller is stopping)";

  private final CommandExecutor executor;
  private final StatusStore statuses;
  private final StatusReads reads;
  private final EventSink events;
  private final Clock clock;
  private final Supplier<String> entropy;
  private final Function<Canary, StepFunction> machines;
  private final CanaryListener listener;
  private final AtomicLong listenerFailures = new AtomicLong();
  private final WriteFence fence;
  private final PortCalls portCalls;

  private CanaryDriver(Builder b) {
    this.executor = new CommandExecutor(b.workloads, b.router, b.metrics, b.webhooks, b.portCalls, b.slots);
    this.statuses = b.statuses;
    this.portCalls = b.portCalls;
    this.reads = new StatusReads(b.statuses, b.portCalls);
    this.events = b.events;
    this.clock = b.clock;
    this.entropy = b.entropy;
    this.machines = b.machines;
    this.listener = b.listener;
    this.fence = b.fence;
  }

  /** Starts a builder; the five ports other than the event sink are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs one tick for {@code canary}.
   *
   * @return what the tick did, also handed to the listener; port failures are in its outcomes and problems,
   *     never thrown
   * @throws dev.canarykit.core.validation.InvalidCanaryException if the canary is invalid
   * @throws IllegalStateException if the machine gives up on a tick that asks for too many commands (a machine
   *     bug, see {@link CanaryAnalysis#commandLimit()})
   */
  public TickReport tick(Canary canary) {
    return tick(canary, machines.apply(canary));
  }

  /**
   * Runs one tick with {@code machine}, which the caller keeps while its canary does not change: the canary is
   * validated once, when the machine was built ({@link CanaryAnalysis#of}), not on every tick, and the machine's
   * memoized checksums are reused. Otherwise like {@link #tick(Canary)}.
   */
  public TickReport tick(CanaryAnalysis machine) {
    return tick(machine.canary(), machine::step);
  }

  private TickReport tick(Canary canary, StepFunction machine) {
    Instant now = clock.instant();
    TickReport report = run(canary, machine, now);
    if (listener != CanaryListener.NOOP) {
      ListenerDispatch.dispatch(listener, report, Duration.between(now, clock.instant()), listenerFailures);
    }
    return report;
  }

  /**
   * How many times the listener threw. A throwing listener never fails a tick; each exception is logged once, at
   * WARNING through {@link System.Logger} (logger {@code dev.canarykit.core.driver.CanaryDriver}).
   */
  public long listenerFailures() {
    return listenerFailures.get();
  }

  private TickReport run(Canary canary, StepFunction machine, Instant now) {
    String letters = entropy.get();
    StatusRead read = reads.read(canary);
    if (read instanceof StatusRead.Failed f) {
      return new TickReport(canary, null, now, letters, List.of(), List.of(), List.of(), List.of(), null,
          TickReport.Persistence.READ_FAILED, List.of("reading the status failed: " + f.message()));
    }
    StatusRead.Current current = (StatusRead.Current) read;
    TickRun run = new TickRun(canary, current.status(), now, executor, events, fence, portCalls);
    Transition last = run.run(machine, letters);
    TickReport.Persistence persistence = persist(canary, current, last.status(), run.problems);
    return new TickReport(canary, current.status(), now, letters, run.steps, run.executions, run.events,
        run.alerts, last.status(), persistence, run.problems);
  }

  private TickReport.Persistence persist(
      Canary canary, StatusRead.Current current, CanaryStatus next, List<String> problems) {
    if (next.equals(current.status())) {
      return TickReport.Persistence.UNCHANGED;
    }
    if (TickRun.interrupted()) {
      problems.add("the status of " + canary.qualifiedName() + " was not written: " + INTERRUPTED);
      return TickReport.Persistence.FENCED;
    }
    StatusWrite w = fence.admit(() -> write(canary, current.version(), next), () -> null);
    if (w == null) {
      problems.add("the status of " + canary.qualifiedName() + " was not written: " + WriteFence.CLOSED);
      return TickReport.Persistence.FENCED;
    }
    reads.wrote(canary, w);
    if (w instanceof StatusWrite.Written) {
      return TickReport.Persistence.WRITTEN;
    } else if (w instanceof StatusWrite.Conflict c) {
      problems.add("the status of " + canary.qualifiedName() + " changed during the tick; not written: "
          + c.message());
      return TickReport.Persistence.CONFLICT;
    }
    problems.add("writing the status failed: " + ((StatusWrite.Failed) w).message());
    return TickReport.Persistence.WRITE_FAILED;
  }

  private StatusWrite write(Canary canary, String version, CanaryStatus next) {
    try {
      return Objects.requireNonNull(portCalls.call(() -> statuses.write(canary, version, next)), "no result");
    } catch (RuntimeException e) {
      return new StatusWrite.Failed(CommandExecutor.message(e));
    }
  }

  /** Builds a {@link CanaryDriver}. */
  public static final class Builder {
    private WorkloadStore workloads;
    private TrafficRouter router;
    private MetricSource metrics;
    private WebhookClient webhooks;
    private StatusStore statuses;
    private EventSink events = EventSink.NOOP;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> entropy = Entropy.secure();
    private Function<Canary, StepFunction> machines = c -> CanaryAnalysis.of(c)::step;
    private CanaryListener listener = CanaryListener.NOOP;
    private WriteFence fence = WriteFence.open();
    private PortCalls portCalls = PortCalls.DIRECT;
    private AnalysisSlots slots = AnalysisSlots.UNLIMITED;

    private Builder() {}

    /**
     * Limits how many canaries analyse at once (see {@link AnalysisSlots}); default {@link AnalysisSlots#UNLIMITED}.
     */
    public Builder slots(AnalysisSlots v) {
      slots = Objects.requireNonNull(v, "slots == null");
      return this;
    }

    /**
     * Runs every port call of this driver's ticks (see {@link PortCalls}); default {@link PortCalls#DIRECT}, a
     * plain call.
     */
    public Builder portCalls(PortCalls v) {
      portCalls = Objects.requireNonNull(v, "portCalls == null");
      return this;
    }

    /**
     * The fence every side effect of this driver's ticks passes through (commands that change something, events,
     * alerts, the status write); default a fence of this driver's own that nobody closes.
     */
    public Builder fence(WriteFence v) {
      fence = Objects.requireNonNull(v, "fence == null");
      return this;
    }

    /** The workload store (required). */
    public Builder workloads(WorkloadStore v) {
      workloads = Objects.requireNonNull(v, "workloads == null");
      return this;
    }

    /** The traffic router (required). */
    public Builder router(TrafficRouter v) {
      router = Objects.requireNonNull(v, "router == null");
      return this;
    }

    /** The metric source (required). */
    public Builder metrics(MetricSource v) {
      metrics = Objects.requireNonNull(v, "metrics == null");
      return this;
    }

    /** The webhook client (required). */
    public Builder webhooks(WebhookClient v) {
      webhooks = Objects.requireNonNull(v, "webhooks == null");
      return this;
    }

    /** The status store (required). */
    public Builder statuses(StatusStore v) {
      statuses = Objects.requireNonNull(v, "statuses == null");
      return this;
    }

    /** The event sink; default {@link EventSink#NOOP}. */
    public Builder events(EventSink v) {
      events = Objects.requireNonNull(v, "events == null");
      return this;
    }

    /** The clock read at the start of each tick (and at its end for a listener); default {@link Clock#systemUTC()}. */
    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v, "clock == null");
      return this;
    }

    /**
     * The source of each tick's random letters (at least 20); default 32 letters from a
     * {@link java.security.SecureRandom}.
     */
    public Builder entropy(Supplier<String> v) {
      entropy = Objects.requireNonNull(v, "entropy == null");
      return this;
    }

    /** Repeatable random letters from a {@link java.util.Random} seeded with {@code seed}, for tests and replays. */
    public Builder seed(long seed) {
      return entropy(Entropy.seeded(seed));
    }

    /** The in-process observer of every tick; default {@link CanaryListener#NOOP}. */
    public Builder listener(CanaryListener v) {
      listener = Objects.requireNonNull(v, "listener == null");
      return this;
    }

    /** Replaces the state machine; for tests of the driver itself. */
    Builder machines(Function<Canary, StepFunction> v) {
      machines = Objects.requireNonNull(v, "machines == null");
      return this;
    }

    /**
     * Builds the driver.
     *
     * @throws IllegalStateException naming every required port that is missing
     */
    public CanaryDriver build() {
      List<String> missing = new java.util.ArrayList<>();
      if (workloads == null) missing.add("workloads");
      if (router == null) missing.add("router");
      if (metrics == null) missing.add("metrics");
      if (webhooks == null) missing.add("webhooks");
      if (statuses == null) missing.add("statuses");
      if (!missing.isEmpty()) {
        throw new IllegalStateException("missing ports: " + missing);
      }
      return new CanaryDriver(this);
    }
  }
}
