package dev.canarykit.examples.demo;

import dev.canarykit.core.analysis.Alert;
import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.CanaryListener;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.internal.GoDuration;
import dev.canarykit.core.port.EventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints each event as the controller emits it (flush left, as {@code String.format("%-9s%s", type, message)},
 * through {@link #around}) and, with the judge on, the judge's verdict of each tick (indented, from
 * {@link CanaryListener#judged}); keeps, from each tick's report, the phase, the canary weight and the metric values
 * or the verdict, for the summary at the end.
 */
final class ReleaseLog implements Consumer<TickReport>, CanaryListener {
  private final DemoLog log;
  private final Instant start;
  private final List<Recorded> events = new ArrayList<>();
  private final List<String> ticks = new ArrayList<>();
  private final List<TickReport> reports = new ArrayList<>();
  private final List<Judgement> verdicts = new ArrayList<>();

  /** Prints to {@code log}; times in the summary count from {@code start}. */
  public ReleaseLog(DemoLog log, Instant start) {
    this.log = log;
    this.start = start;
  }

  /**
   * Wraps the controller's event sink so that each event is printed the moment the state machine emits it, before
   * it goes on to Kubernetes.
   */
  public EventSink around(EventSink delegate) {
    return new EventSink() {
      @Override
      public void event(Canary canary, CanaryStatus status, CanaryEvent event) {
        print(event);
        delegate.event(canary, status, event);
      }

      @Override
      public void alert(Canary canary, Alert alert) {
        delegate.alert(canary, alert);
      }
    };
  }

  private synchronized void print(CanaryEvent e) {
    events.add(new Recorded(Instant.now(), e));
    log.event(e.type(), e.message());
  }

  @Override
  public synchronized void judged(Canary canary, Judgement judgement) {
    verdicts.add(judgement);
    String action = judgement.horizonReached() ? "horizon: " + judgement.action() : judgement.action().toString();
    log.info("judge: " + judgement.summary() + " -> " + action);
  }

  /** The judge's verdicts so far, in order. */
  public synchronized List<Judgement> verdicts() {
    return List.copyOf(verdicts);
  }

  @Override
  public synchronized void accept(TickReport report) {
    report.problems().forEach(p -> log.info("problem: " + p));
    if (report.finalStatus() != null) {
      ticks.add(row(report));
      reports.add(report);
    }
  }

  private String row(TickReport report) {
    StringBuilder s = new StringBuilder(String.format("t+%3ds  %-12s weight %3d%%",
        Duration.between(start, report.now()).toSeconds(), report.finalStatus().phase().wireName(),
        report.finalStatus().canaryWeight()));
    for (TickReport.Execution x : report.executions()) {
      if (x.command() instanceof Command.QueryMetric q) {
        s.append("  ").append(q.metric().name()).append(' ').append(value(x.outcome()));
      }
      if (x.command() instanceof Command.QueryCounts) {
        s.append("  judged");
      }
    }
    return s.toString();
  }

  private static String value(Outcome o) {
    if (o instanceof Outcome.MetricValue v) {
      return GoDuration.formatNumber(Math.round(v.value() * 100) / 100.0);
    }
    return o instanceof Outcome.NoData ? "(no data)" : "(error)";
  }

  /** The events so far, in order. */
  public synchronized List<Recorded> events() {
    return List.copyOf(events);
  }

  /** One line per tick: time since start, phase, canary weight, each metric checked. */
  public synchronized List<String> ticks() {
    return List.copyOf(ticks);
  }

  /** Every tick that read the status, in order: the release's record for a report. */
  public synchronized List<TickReport> reports() {
    return List.copyOf(reports);
  }

  /**
   * When the release ran: from the tick that detected the new revision to the tick that ended in Succeeded or
   * Failed (the last tick when it did not end), or empty when no new revision was detected.
   */
  public synchronized java.util.Optional<Instant[]> window() {
    Instant detected = null;
    Instant ended = null;
    for (TickReport r : reports) {
      if (detected == null && r.events().stream().anyMatch(e -> e.message().startsWith("New revision detected"))) {
        detected = r.now();
      }
      if (detected != null) {
        ended = r.now();
        String phase = r.finalStatus().phase().wireName();
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
          break;
        }
      }
    }
    return detected == null ? java.util.Optional.empty() : java.util.Optional.of(new Instant[] {detected, ended});
  }

  /**
   * An event and when it was printed.
   *
   * @param at when
   * @param event what
   */
  public record Recorded(Instant at, CanaryEvent event) {}
}
