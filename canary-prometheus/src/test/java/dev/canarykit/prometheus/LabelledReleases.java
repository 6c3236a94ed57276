package dev.canarykit.prometheus;

import dev.canarykit.core.backtest.ReleaseWindow;
import dev.canarykit.core.backtest.ReleaseWindow.Label;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Five past releases of podinfo in namespace {@code test}, 50 requests per second, each run by Flagger with the
 * seed's Canary (1-minute interval, 10% steps to 50%, threshold 5), 30 minutes apart, the first about three hours
 * ago. Each window starts when the new revision was detected and lasts 15 minutes.
 *
 * <ul>
 *   <li>{@code good}: 0.4% errors, P99 200 ms for both; Flagger promoted it at minute 6.
 *   <li>{@code errors-5x}: 0.4% to 2% errors; Flagger held it at 10% and rolled it back at minute 7.
 *   <li>{@code latency}: P99 200 to 800 ms; Flagger held it at 10% and rolled it back at minute 7.
 *   <li>{@code hidden-errors}: 0.05% to 0.6% errors (a 99.4% success rate passes Flagger's 99%); Flagger promoted
 *       it at minute 6.
 *   <li>{@code no-primary}: only the canary's series (the primary was never there).
 * </ul>
 */
public final class LabelledReleases {
  /** Total requests per second. */
  public static final double RPS = 50;
  public static final VersionProfile HEALTHY = new VersionProfile(0.004, 30, 200);
  public static final VersionProfile ERRORS_5X = new VersionProfile(0.02, 30, 200);
  public static final VersionProfile SLOW = new VersionProfile(0.004, 60, 800);
  public static final VersionProfile CLEAN = new VersionProfile(0.0005, 30, 200);
  public static final VersionProfile SUBTLE = new VersionProfile(0.006, 30, 200);

  private final Instant base;

  /** Releases whose first detection is three hours before {@code now}, on a whole minute. */
  public LabelledReleases(Instant now) {
    this.base = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
  }

  public ReleaseWindow good() {
    return window("good", 0, Label.GOOD);
  }

  public ReleaseWindow errors() {
    return window("errors-5x", 1, Label.BAD);
  }

  public ReleaseWindow latency() {
    return window("latency", 2, Label.BAD);
  }

  public ReleaseWindow hiddenErrors() {
    return window("hidden-errors", 3, Label.BAD);
  }

  public ReleaseWindow noPrimary() {
    return window("no-primary", 4, null);
  }

  /** The four labelled releases. */
  public List<ReleaseWindow> labelled() {
    return List.of(good(), errors(), latency(), hiddenErrors());
  }

  private ReleaseWindow window(String name, int slot, Label label) {
    Instant start = detected(slot);
    return new ReleaseWindow(name, start, start.plus(Duration.ofMinutes(15)), label);
  }

  private Instant detected(int slot) {
    return base.plus(Duration.ofMinutes(30L * slot));
  }

  /** A Prometheus holding this history, started with {@code flags} (see {@link PrometheusServer#withHistory}). */
  public PrometheusServer serve(List<String> flags) throws IOException {
    Path file = write(Files.createTempFile("labelled-releases", ".om"));
    try {
      return PrometheusServer.withHistory(file, flags);
    } finally {
      Files.delete(file);
    }
  }

  /** Writes the history as OpenMetrics (5-second samples). */
  public Path write(Path file) throws IOException {
    Duration lead = Duration.ofMinutes(5);
    Duration tail = Duration.ofMinutes(10);
    IstioHistory h = new IstioHistory("test", "podinfo", Duration.ofSeconds(5))
        .flaggerRelease(detected(0), lead, tail, RPS, HEALTHY, HEALTHY, IstioHistory.Outcome.promoted(6))
        .flaggerRelease(detected(1), lead, tail, RPS, HEALTHY, ERRORS_5X, IstioHistory.Outcome.rolledBack(10, 7))
        .flaggerRelease(detected(2), lead, tail, RPS, HEALTHY, SLOW, IstioHistory.Outcome.rolledBack(10, 7))
        .flaggerRelease(detected(3), lead, tail, RPS, CLEAN, SUBTLE, IstioHistory.Outcome.promoted(6));
    h.serve(detected(4), detected(4).plus(Duration.ofMinutes(15)), RPS, 1.0, HEALTHY, HEALTHY);
    return h.write(file);
  }
}
