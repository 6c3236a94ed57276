package dev.canarykit.core.backtest;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.backtest.History.Observation;
import dev.canarykit.core.backtest.PolicyRun.TickRecord;
import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.CanaryListener;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.EventSink;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.simulation.RunResult.End;
import dev.canarykit.core.testing.InMemoryStatusStore;
import dev.canarykit.core.testing.InMemoryTrafficRouter;
import dev.canarykit.core.testing.InMemoryWorkloadStore;
import dev.canarykit.core.testing.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Replays one policy over a window's observations with the real machine and driver on in-memory ports: workloads
 * are always ready, the router holds the weights the policy sets, metrics and counts come from the observations,
 * webhooks are skipped. The machine decides exactly as it would live; only the world around it is history.
 */
final class PolicyReplay {
  /** Phases in which the machine reads metrics and counts. */
  private static final Set<Phase> ANALYSING = EnumSet.of(Phase.PROGRESSING, Phase.WAITING, Phase.WAITING_PROMOTION);
  private static final Set<Phase> PROMOTED = EnumSet.of(Phase.PROMOTING, Phase.FINALISING, Phase.SUCCEEDED);
  private static final long SEED = 18;

  private final Policy policy;
  private final Canary canary;
  private final ManualClock clock;
  private final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
  private final ReplaySource source = new ReplaySource();
  private final SkippedWebhooks webhooks = new SkippedWebhooks();
  private final List<Judgement> judged = new ArrayList<>();
  private final CanaryDriver driver;

  private PolicyReplay(Policy policy, Canary canary, Instant start) {
    this.policy = policy;
    this.canary = policy.apply(canary);
    this.clock = ManualClock.of(start.minus(this.canary.spec().analysisOrEmpty().intervalOrDefault()));
    this.driver = CanaryDriver.builder().workloads(workloads).router(new InMemoryTrafficRouter()).metrics(source)
        .webhooks(webhooks).statuses(new InMemoryStatusStore()).events(EventSink.NOOP).clock(clock)
        .seed(SEED).listener(new CanaryListener() {
          @Override
          public void judged(Canary c, Judgement judgement) {
            judged.add(judgement);
          }
        }).build();
  }

  /**
   * Replays {@code policy} over {@code observations} (one per tick, the first at the window's start).
   *
   * @param lastServed the index of the last observation in which history's canary served a request, or -1
   */
  static PolicyRun replay(Policy policy, Canary canary, List<Observation> observations, int lastServed) {
    Instant start = observations.get(0).at();
    return new PolicyReplay(policy, canary, start).run(start, observations, lastServed);
  }

  private PolicyRun run(Instant start, List<Observation> observations, int lastServed) {
    initialize();
    workloads.setTargetRevision("backtest");
    Milestones o = new Milestones();
    for (int k = 0; k < observations.size() && !o.ended(); k++) {
      if (k > lastServed && ANALYSING.contains(o.phase)) {
        o.historyEnded = observations.get(k).at();
        break;
      }
      o.add(tick(observations.get(k)));
    }
    return new PolicyRun(policy, start, o.ticks, o.decision(), o.decidedAt, o.firstFailedCheck, o.firstHalt,
        o.historyEnded);
  }

  /**
   * Initialization is no part of the release: it runs one interval before the window (the machine starts a run
   * at most once per interval after its last transition) and is not recorded.
   */
  private void initialize() {
    for (int i = 0; i < 3; i++) {
      if (driver.tick(canary).finalStatus().phase() == Phase.INITIALIZED) {
        webhooks.drain();
        return;
      }
    }
    throw new IllegalStateException("the replayed " + canary.qualifiedName() + " did not initialize");
  }

  private TickRecord tick(Observation observation) {
    source.current(observation);
    clock.set(observation.at());
    judged.clear();
    TickReport r = driver.tick(canary);
    List<String> checked = r.executions().stream().map(TickReport.Execution::command)
        .filter(Command.QueryMetric.class::isInstance).map(c -> ((Command.QueryMetric) c).metric().name()).toList();
    Judgement j = judged.isEmpty() ? null : judged.get(judged.size() - 1);
    return new TickRecord(observation.at(), r.finalStatus().phase(), r.finalStatus().canaryWeight(),
        r.finalStatus().failedChecks(), checked, j, r.events(), webhooks.drain());
  }

  /** The run so far and its milestones. */
  private static final class Milestones {
    private final List<TickRecord> ticks = new ArrayList<>();
    private Phase phase = Phase.INITIALIZED;
    private int failedChecks;
    private Instant rolledBack;
    private Instant promoted;
    private Instant decidedAt;
    private Instant firstFailedCheck;
    private Instant firstHalt;
    private Instant historyEnded;

    void add(TickRecord t) {
      ticks.add(t);
      if (firstHalt == null && t.events().stream().map(CanaryEvent::message).anyMatch(m -> m.startsWith("Halt "))) {
        firstHalt = t.at();
      }
      boolean failed = t.failedChecks() > failedChecks || t.phase() == Phase.FAILED;
      if (firstFailedCheck == null && failed) {
        firstFailedCheck = t.at();
      }
      if (rolledBack == null && t.phase() == Phase.FAILED) {
        rolledBack = t.at();
      }
      if (promoted == null && PROMOTED.contains(t.phase())) {
        promoted = t.at();
      }
      decidedAt = rolledBack != null ? rolledBack : promoted;
      failedChecks = t.failedChecks();
      phase = t.phase();
    }

    boolean ended() {
      return phase == Phase.FAILED || phase == Phase.SUCCEEDED;
    }

    End decision() {
      return rolledBack != null ? End.ROLLED_BACK : promoted != null ? End.PROMOTED : End.UNDECIDED;
    }
  }
}
