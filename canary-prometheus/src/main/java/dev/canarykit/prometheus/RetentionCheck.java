package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.backtest.BacktestException;
import dev.canarykit.core.backtest.ReleaseWindow;
import dev.canarykit.core.internal.PrometheusDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Prometheus still holds a window: it must answer at all, the window must end before the server's own
 * "now" ({@code vector(time())}, so the client's clock does not matter), and start after now minus the time retention read
 * from {@code /api/v1/status/flags}. A server that hides its flags (some managed services) skips the retention
 * part; the series check still catches a window with no data.
 */
final class RetentionCheck {
  /** Prometheus' time retention when neither a time nor a size retention is set. */
  static final Duration DEFAULT_RETENTION = Duration.ofDays(15);

  private final PrometheusClient client;

  RetentionCheck(PrometheusClient client) {
    this.client = client;
  }

  void check(Endpoint endpoint, ReleaseWindow window) {
    String at = endpoint.breakerKey();
    Outcome.MetricResult time = client.instant(endpoint, "vector(time())", null);
    if (!(time instanceof Outcome.MetricValue now)) {
      throw new BacktestException("cannot reach Prometheus at " + at + ": " + message(time));
    }
    Instant serverNow = Instant.ofEpochMilli(Math.round(now.value() * 1000));
    if (window.end().isAfter(serverNow)) {
      throw new BacktestException("release " + window.describe() + " ends after the current time of Prometheus at "
          + at + " (" + serverNow + "): history cannot hold it yet");
    }
    client.flags(endpoint).flatMap(RetentionCheck::retention).ifPresent(retention -> {
      Instant oldest = serverNow.minus(retention);
      if (window.start().isBefore(oldest)) {
        throw new BacktestException("release " + window.describe() + " reaches back further than Prometheus at "
            + at + " keeps history: its retention is " + describe(retention)
            + ", so nothing before about " + oldest + " is left");
      }
    });
  }

  /** The time retention the flags set, the default when none is set, or empty under a size retention alone. */
  static Optional<Duration> retention(Map<String, String> flags) {
    Duration time = PrometheusDuration.parse(flags.get("storage.tsdb.retention.time")).orElse(Duration.ZERO);
    if (time.isZero()) {
      time = PrometheusDuration.parse(flags.get("storage.tsdb.retention")).orElse(Duration.ZERO);
    }
    if (!time.isZero()) {
      return Optional.of(time);
    }
    String size = flags.getOrDefault("storage.tsdb.retention.size", "0B");
    return size.isEmpty() || size.equals("0B") || size.equals("0") ? Optional.of(DEFAULT_RETENTION) : Optional.empty();
  }

  private static String describe(Duration d) {
    if (d.toMillis() % Duration.ofDays(1).toMillis() == 0) {
      return d.toDays() + "d";
    }
    return d.toMillis() % 3_600_000 == 0 ? d.toHours() + "h" : d.toSeconds() + "s";
  }

  private static String message(Outcome.MetricResult r) {
    return r instanceof Outcome.MetricError e ? e.message()
        : r instanceof Outcome.NoData n ? "vector(time()) returned no value: " + n.message() : String.valueOf(r);
  }
}
