package dev.canarykit.examples.demo;

import dev.canarykit.examples.report.LiveReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What the demo leaves behind after the release: the release's window (for a backtest of it), the HTML report
 * ({@code --report}, else {@code report.html} in the dump), and Prometheus' TSDB ({@code --keep-tsdb}).
 */
final class DemoRecord {
  private final DemoLog log;
  private final Demo.Options options;
  private final ReleaseLog release;
  private final Duration interval;

  DemoRecord(DemoLog log, Demo.Options options, ReleaseLog release, Duration interval) {
    this.log = log;
    this.options = options;
    this.release = release;
    this.interval = interval;
  }

  void write(DemoWorld world) {
    Optional<Instant[]> window = release.window();
    window.ifPresent(w -> log.info("Release window: --start " + w[0].truncatedTo(ChronoUnit.MILLIS) + " --end "
        + w[1].plus(interval.dividedBy(2)).truncatedTo(ChronoUnit.MILLIS)));
    Path report = options.reportFile();
    if (report != null && !release.reports().isEmpty()) {
      write(report, LiveReport.html("canarykit demo, scenario " + options.scenario().label(), List.of(
          "The seed release as canarykit's controller ran it: the weight it set, each metric when it was checked, "
          + "and its events."), release.reports()));
    }
    if (options.keepTsdb() != null) {
      try {
        world.keepTsdb(options.keepTsdb());
        log.info("Kept Prometheus' TSDB in " + options.keepTsdb() + "; serve it with: prometheus --config.file="
            + options.keepTsdb().resolve("prometheus.yml") + " --storage.tsdb.path=" + options.keepTsdb()
            .resolve("data") + " --web.listen-address=127.0.0.1:9090");
      } catch (IOException e) {
        log.info("could not keep the TSDB in " + options.keepTsdb() + ": " + e);
      }
    }
  }

  private void write(Path report, String html) {
    try {
      Path parent = report.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(report, html);
      log.info("Wrote the report to " + report);
    } catch (IOException e) {
      log.info("could not write the report " + report + ": " + e);
    }
  }
}
