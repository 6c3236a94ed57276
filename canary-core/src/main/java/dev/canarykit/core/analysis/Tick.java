package dev.canarykit.core.analysis;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a tick. The tick's logic is written as straight-line code; {@link #await} returns the
 * recorded outcome of the n-th command, or suspends the evaluation when no outcome exists yet. Replaying the
 * recorded outcomes rebuilds the same state, so only events emitted after the last known outcome are new.
 */
final class Tick {
  final Canary canary;
  final CanarySpec spec;
  final AnalysisSpec analysis;
  final Instant now;
  private final List<Outcome> outcomes;
  private final String entropy;
  private final StatusOps status;
  private final List<CanaryEvent> events = new ArrayList<>();
  private final List<Alert> alerts = new ArrayList<>();
  private int cursor;
  private Instant pacedUntil;
  private Outcome.Routes liveRoutes;

  private final ChecksumMemo checksums;

  Tick(Canary canary, CanaryStatus start, TickInput input, Instant now, ChecksumMemo checksums) {
    this.checksums = checksums;
    this.canary = canary;
    this.spec = canary.spec();
    this.analysis = spec.analysisOrEmpty();
    this.now = now;
    this.outcomes = input.outcomes();
    this.entropy = input.entropy();
    this.status = new StatusOps(canary, start, now);
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

  /**
   * The outcome of {@code command} if it was executed; otherwise suspends the tick to ask for it. An outcome of
   * the wrong type (an adapter bug) is read as a failure, never trusted.
   */
  <T extends Outcome> Outcome await(Command command, Class<T> expected) {
    if (cursor >= outcomes.size()) {
      throw new Suspend(command);
    }
    Outcome o = outcomes.get(cursor++);
    if (expected.isInstance(o) || o instanceof Outcome.Failed) {
      return o;
    }
    return new Outcome.Failed("unexpected outcome " + o.getClass().getSimpleName() + " for " + command);
  }

  /** Runs a command whose only answer is ok or failed; emits the failure as a warning. */
  boolean ok(Command command) {
    return ok(command, "%s");
  }

  /** Like {@link #ok(Command)}, formatting the failure message with {@code format} (one {@code %s}). */
  boolean ok(Command command, String format) {
    Outcome o = await(command, Outcome.Ok.class);
    if (o instanceof Outcome.Failed f) {
      warning(String.format(format, f.message()));
      return false;
    }
    return true;
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
    return cursor == outcomes.size();
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

  /** Rejects an input with outcomes for commands the tick never asked for: it is not this tick's record. */
  void requireAllConsumed() {
    if (cursor != outcomes.size()) {
      throw new IllegalArgumentException("the tick used " + cursor + " outcomes but the input has " + outcomes.size());
    }
  }

  Transition complete() {
    return new Transition(status.finish(), List.of(), events, alerts, true, pacedUntil);
  }

  Transition suspended(Suspend s) {
    return new Transition(status.current(), List.of(s.command), events, alerts, false);
  }

  /** Unwinds the tick to ask for one more outcome. Carries no stack trace: it is control flow, not an error. */
  static final class Suspend extends RuntimeException {
    final transient Command command;

    Suspend(Command command) {
      super(null, null, false, false);
      this.command = command;
    }
  }
}
