package dev.canarykit.prometheus;

import dev.canarykit.core.backtest.Backtest;
import dev.canarykit.core.backtest.ReleaseBacktest;
import dev.canarykit.core.backtest.ReleaseWindow;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.testing.SeedRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long a backtest of a day of history at a 1-minute interval takes against a real Prometheus (not part of the
 * build: surefire runs only {@code *Test} classes). One day of podinfo and podinfo-primary telemetry at 100
 * requests per second, the canary at 10% all day, sampled every 15 seconds (a common scrape interval), backfilled
 * with promtool; then the seed's Canary is replayed over the 24 hours (1,441 ticks) under both policies, three
 * times. Prints {@code BENCH} lines.
 *
 * <pre>mvn -B -o test -pl canary-core,canary-prometheus -Dtest='BacktestDayBenchmark,GoDurationTest'</pre>
 */
class BacktestDayBenchmark {

  @Test
  void aDayAtOneMinute() throws Exception {
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
    Instant start = end.minus(Duration.ofDays(1));
    Path file = Files.createTempFile("day", ".om");
    long t0 = System.nanoTime();
    new IstioHistory("test", "podinfo", Duration.ofSeconds(15)).serve(start.minus(Duration.ofMinutes(5)), end,
        100, 0.1, LabelledReleases.HEALTHY, LabelledReleases.HEALTHY).write(file);
    long t1 = System.nanoTime();
    System.out.printf("BENCH history written: %.1f s, %d MB%n", (t1 - t0) / 1e9, Files.size(file) >> 20);
    try (PrometheusServer prometheus = PrometheusServer.withHistory(file, List.of())) {
      System.out.printf("BENCH backfilled and started: %.1f s%n", (System.nanoTime() - t1) / 1e9);
      Files.delete(file);
      PrometheusHistory history = PrometheusHistory.builder(prometheus.address()).build();
      ReleaseWindow day = new ReleaseWindow("day", start, end, null);
      double[] seconds = new double[3];
      for (int i = 0; i < seconds.length; i++) {
        long a = System.nanoTime();
        ReleaseBacktest r = Backtest.run(SeedRelease.canary(), day, List.of(Policy.FLAGGER, Policy.STATISTICAL),
            history, Backtest.Progress.NONE);
        seconds[i] = (System.nanoTime() - a) / 1e9;
        System.out.printf("BENCH run %d: %.1f s for %d ticks (%s, %s)%n", i + 1, seconds[i],
            r.observations().size(), r.run(Policy.FLAGGER).decision(), r.run(Policy.STATISTICAL).decision());
      }
      Arrays.sort(seconds);
      System.out.printf("BENCH median %.1f s per day of history at a 1-minute interval%n", seconds[1]);
    }
  }
}
