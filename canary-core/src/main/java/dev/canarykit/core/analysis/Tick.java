package dev.canarykit.core.analysis;

import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.AlertSpec.Severity;
import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanaryStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a tick: the state the tick's logic reads and writes. {@link #await} asks for an outcome through
 * the {@link Replay} of the tick's record; events and alerts are kept only once the replay is past the last recorded
 * answer, so each step returns only what is new.
 */
final class Tick {
  final Canary canary;
  final CanarySpec spec;
  final AnalysisSpec analysis;
  final Instant now;
  private final Replay replay;
  private final String entropy;
  private final StatusOps status;
  private final List<CanaryEvent> events = new ArrayList<>();
  private final List<Alert> alerts = new ArrayList<>();
  private Instant pacedUntil;
  private Outcome.Routes liveRoutes;
  private Judgement judgement;

  private final ChecksumMemo checksums;

  Tick(Canary canary, TickInput input, Replay replay, ChecksumMemo checksums) {
    this.checksums = checksums;
    this.canary = canary;
    this.spec = canary.spec();
    this.analysis = spec.analysisOrEmpty();
    this.now = input.now();
    this.replay = replay;
    this.entropy = input.entropy();
    this.status = new StatusOps(canary, input.status(), now);
  }

  ChecksumMemo checksums() {
    return checksums;
  }

  StatusOps status() {
    return status;
  }

  String entropy() {
    return entropy;
  }

  /** The live routes as this tick last read or set them, or {@code null} before it did either. */
  Outcome.Routes liveRoutes() {
    return liveRoutes;
  }

  void liveRoutes(Outcome.Routes routes) {
    liveRoutes = routes;
  }

  /** The outcome of {@code command}; see {@link Replay#answer}. */
  <R extends Outcome> R await(Command<R> command) {
    return replay.answer(command);
  }

  /** The message of a failure; empty for any other outcome. */
  static String failure(Outcome o) {
    return o instanceof Outcome.Failed f ? f.message() : "";
  }

  /** Runs a command whose only answer is ok or failed; emits the failure as a warning. */
  boolean ok(Command<Outcome.OkResult> command) {
    return ok(command, "%s");
  }

  /** Like {@link #ok(Command)}, formatting the failure message with {@code format} (one {@code %s}). */
  boolean ok(Command<Outcome.OkResult> command, String format) {
    if (await(command) instanceof Outcome.Failed f) {
      warning(String.format(format, f.message()));
      return false;
    }
    return true;
  }

  /** Records the judge's judgement of this tick, in the step that made it (like an event). */
  void judged(Judgement j) {
    if (isNew()) {
      judgement = j;
    }
  }

  void info(String message) {
    emit(CanaryEvent.info(message));
  }

  void warning(String message) {
    emit(CanaryEvent.warning(message));
  }

  void error(String message) {
    emit(CanaryEvent.error(message));
  }

  private void emit(CanaryEvent e) {
    if (isNew()) {
      events.add(e);
    }
  }

  /** An alert; {@code withFields} adds the canary's description (target, threshold, deadline, routing). */
  void alert(Severity severity, String message, boolean withFields) {
    if (isNew()) {
      alerts.add(new Alert(severity, message, withFields ? AlertFields.of(canary) : Map.of()));
    }
  }

  private boolean isNew() {
    return !replay.replaying();
  }

  /** {@code <canary>.<namespace>} (C in the event table). */
  String c() {
    return canary.qualifiedName();
  }

  /** {@code <target>.<namespace>} (T in the event table). */
  String t() {
    return spec.targetRef().name() + "." + canary.namespace();
  }

  /**
   * Whether this tick may take an analysis step: the canary's interval has elapsed since the last one (the status'
   * {@code lastTransitionTime}, in the whole seconds Kubernetes stores). A due step stamps the status with
   * {@code now}, even when the step changes nothing else, so the next one waits a full interval. A tick that is not
   * due records until when it is paced ({@link Transition#pacedUntil()}). A missing time, or one later than
   * {@code now} (another replica's clock ahead of this one), is due: a skewed clock never stalls a canary.
   */
  boolean stepDue() {
    Instant last = status.start().lastTransitionTime();
    if (last != null && !last.isAfter(now)) {
      Instant due = last.truncatedTo(ChronoUnit.SECONDS).plus(analysis.intervalOrDefault());
      if (now.isBefore(due)) {
        pacedUntil = due;
        return false;
      }
    }
    status.stamp();
    return true;
  }

  Transition complete(TickInput input) {
    return new Transition(input, status.finish(), List.of(), events, alerts, liveRoutes, judgement, pacedUntil);
  }

  Transition asking(TickInput input, Command<?> command) {
    return new Transition(input, status.current(), List.of(command), events, alerts, liveRoutes, judgement, null);
  }
}
