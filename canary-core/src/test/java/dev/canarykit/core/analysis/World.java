package dev.canarykit.core.analysis;

import dev.canarykit.core.analysis.Command.Workload;
import dev.canarykit.core.analysis.Outcome.Readiness;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.MetricSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny pure simulation of the cluster for machine tests: it answers every command from plain fields, so a
 * test reads as a table of ticks. Metrics answer 100 (Flagger's scheduler tests do the same) unless scripted.
 */
final class World {
  static final String ENTROPY = "abcdefghijKLMNOPQRSTuvwxyz";

  CanaryAnalysis machine;
  CanaryStatus status = CanaryStatus.initial();
  Instant now = Instant.parse("2026-01-01T00:00:00Z");
  String targetHash = "rev1";
  Map<String, String> configs = Map.of();
  String primaryHash = null;
  int canaryReplicas = 2;
  Readiness primaryReadiness = Readiness.READY;
  Readiness canaryReadiness = Readiness.READY;
  Outcome.Routes routes = null;
  int routerFailures = 0;
  String readRoutesError = null;
  boolean promoteFails = false;
  /** The answer to every request for an analysis slot. */
  Outcome.SlotResult slot = new Outcome.Admitted();
  final Map<String, Deque<Outcome>> hookAnswers = new HashMap<>();
  final Map<String, Outcome.MetricResult> metrics = new HashMap<>();
  final List<Command<?>> commands = new ArrayList<>();
  final List<String> events = new ArrayList<>();
  final List<Alert> alerts = new ArrayList<>();
  final List<Command.CallWebhook> hookCalls = new ArrayList<>();
  final List<List<Outcome>> tickInputs = new ArrayList<>();
  final List<CanaryStatus> tickStarts = new ArrayList<>();
  final List<Instant> tickTimes = new ArrayList<>();
  int promotions = 0;
  /** The last transition of the last tick. */
  Transition last;
  /** Answers a command before the default rules when it returns non-null (random worlds in property tests). */
  java.util.function.Function<Command<?>, Outcome> override = c -> null;

  World(Canary canary) {
    machine = CanaryAnalysis.of(canary);
  }

  private int lastTickStart;

  /**
   * The decisive commands of the last tick, without the reconcile preamble every tick repeats (observe, services,
   * primary, autoscaler, apex, routing, readiness, reading routes): e.g. {@code SetRoutes(90/10)},
   * {@code CallWebhook(load-test)}, {@code QueryMetric(request-success-rate)}, {@code Promote}.
   */
  List<String> actions() {
    return commands.subList(lastTickStart, commands.size()).stream().filter(c -> !(c instanceof Command.ObserveTarget
        || c instanceof Command.ReconcileServices || c instanceof Command.EnsurePrimary
        || c instanceof Command.ReconcileApexService || c instanceof Command.ReconcileRouting
        || c instanceof Command.CheckReadiness || c instanceof Command.ReadRoutes
        || c instanceof Command.ReconcileAutoscaler a && !a.allowUpdate())).map(World::describe).toList();
  }

  private static String describe(Command<?> c) {
    if (c instanceof Command.SetRoutes s) {
      return "SetRoutes(" + s.primaryWeight() + "/" + s.canaryWeight() + (s.mirrored() ? " mirrored" : "") + ")";
    }
    if (c instanceof Command.CallWebhook h) {
      return "CallWebhook(" + h.hook().name() + ")";
    }
    if (c instanceof Command.QueryMetric q) {
      return "QueryMetric(" + q.metric().name() + ")";
    }
    return c.getClass().getSimpleName();
  }

  /** Runs one tick and advances time by the analysis interval; returns the events of the tick. */
  List<String> tick() {
    int from = events.size();
    lastTickStart = commands.size();
    tickStarts.add(status);
    tickTimes.add(now);
    Transition tr = machine.step(TickInput.start(status, now, ENTROPY));
    TickInput input = tr.input();
    record(tr);
    while (!tr.complete()) {
      input = tr.nextInput();
      for (Command<?> c : tr.commands()) {
        input = input.with(execute(c));
      }
      tr = machine.step(input);
      record(tr);
    }
    tickInputs.add(input.outcomes());
    last = tr;
    status = tr.status();
    now = now.plus(machine.canary().spec().analysisOrEmpty().intervalOrDefault());
    return List.copyOf(events.subList(from, events.size()));
  }

  /** Runs one tick without advancing time afterwards (a reconciler woken by an event); returns its events. */
  List<String> tickNow() {
    Instant at = now;
    List<String> events = tick();
    now = at;
    return events;
  }

  /** Runs {@code n} ticks. */
  void ticks(int n) {
    for (int i = 0; i < n; i++) {
      tick();
    }
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  private void record(Transition tr) {
    tr.events().forEach(e -> events.add(e.toString()));
    alerts.addAll(tr.alerts());
  }

  /** Scripts the answers of a webhook, in order; the last one repeats. */
  void hook(String name, Outcome... answers) {
    hookAnswers.put(name, new ArrayDeque<>(List.of(answers)));
  }

  void metric(String name, Outcome.MetricResult result) {
    metrics.put(name, result);
  }

  void metric(String name, double value) {
    metrics.put(name, new Outcome.MetricValue(value));
  }

  private Outcome execute(Command<?> c) {
    commands.add(c);
    Outcome forced = override.apply(c);
    if (forced != null) {
      if (forced instanceof Outcome.Routes r) {
        routes = r;
      }
      return forced;
    }
    if (c instanceof Command.AcquireAnalysisSlot) {
      return slot;
    }
    if (c instanceof Command.ObserveTarget) {
      return new Outcome.Revision(targetHash, configs);
    }
    if (c instanceof Command.EnsurePrimary) {
      primaryHash = primaryHash == null ? targetHash : primaryHash;
      return Outcome.OK;
    }
    if (c instanceof Command.CheckReadiness r) {
      return r.workload() == Workload.PRIMARY ? primaryReadiness : canaryReadiness;
    }
    if (c instanceof Command.ScaleToZero) {
      canaryReplicas = 0;
      return Outcome.OK;
    }
    if (c instanceof Command.ScaleFromZero) {
      canaryReplicas = 2;
      return Outcome.OK;
    }
    if (c instanceof Command.ReconcileRouting) {
      routes = routes == null ? new Outcome.Routes(100, 0, false) : routes;
      return Outcome.OK;
    }
    if (c instanceof Command.ReadRoutes) {
      return readRoutesError != null ? new Outcome.Failed(readRoutesError) : routes;
    }
    if (c instanceof Command.SetRoutes s) {
      if (routerFailures > 0) {
        routerFailures--;
        return new Outcome.Failed("VirtualService podinfo.test update failed: conflict");
      }
      routes = new Outcome.Routes(s.primaryWeight(), s.canaryWeight(), s.mirrored());
      return Outcome.OK;
    }
    if (c instanceof Command.Promote) {
      if (promoteFails) {
        return new Outcome.Failed("promote failed");
      }
      promotions++;
      primaryHash = targetHash;
      return Outcome.OK;
    }
    if (c instanceof Command.CallWebhook w) {
      hookCalls.add(w);
      Deque<Outcome> answers = hookAnswers.get(w.hook().name());
      if (answers == null || answers.isEmpty()) {
        return Outcome.OK;
      }
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }
    if (c instanceof Command.QueryMetric q) {
      MetricSpec m = q.metric();
      return metrics.getOrDefault(m.name(), new Outcome.MetricValue(100));
    }
    if (c instanceof Command.QueryCounts) {
      return new Outcome.Failed("this world counts nothing");
    }
    return Outcome.OK;
  }

  int canaryWeight() {
    return routes == null ? 0 : routes.canaryWeight();
  }

  int primaryWeight() {
    return routes == null ? 100 : routes.primaryWeight();
  }

  /** The names of the commands executed so far, e.g. {@code SetRoutes}. */
  List<String> commandNames() {
    return commands.stream().map(c -> c.getClass().getSimpleName()).toList();
  }
}
