package dev.canarykit.examples.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The seed release end to end: builds the {@link DemoWorld}, applies the Canary, lets the controller initialize
 * it, changes the image from 3.1.0 to 3.1.1 (the seed's step 7), waits for the release to finish, then prints the
 * summary, writes the dump and compares the outcome with the scenario.
 */
final class Demo {
  /** The exit code when the outcome matches the scenario. */
  public static final int MATCHED = 0;
  /** The exit code when it does not (or the release did not finish). */
  public static final int UNEXPECTED = 1;
  /** The exit code of a rejected option. */
  public static final int REJECTED = 2;

  private final Options options;
  private final DemoLog log;

  /** A demo with {@code options}, printing to {@code log}. */
  public Demo(Options options, DemoLog log) {
    this.options = options;
    this.log = log;
  }

  /** Runs the demo; the exit code. */
  public int run() {
    log.info("canarykit demo: scenario " + options.scenario().label() + ", time scale " + options.timeScale()
        + (options.judge() ? ", statistical judge on" : ""));
    TimeScale scale = new TimeScale(options.timeScale());
    List<String> changes;
    try {
      changes = DemoWorld.checkScale(scale);
    } catch (IllegalArgumentException e) {
      log.info("rejected: " + e.getMessage());
      return REJECTED;
    }
    log.info("Durations divided by " + scale.factor() + ":");
    changes.forEach(c -> log.info("  " + c));
    try (DemoWorld world = DemoWorld.start(options.scenario(), options.meshCluster(), log)) {
      return release(world, scale);
    }
  }

  private int release(DemoWorld world, TimeScale scale) {
    Instant start = Instant.now();
    ReleaseLog releaseLog = new ReleaseLog(log, start);
    world.applyCanary(scale, options.judge());
    world.startController(releaseLog);
    Duration interval = Duration.ofSeconds(60).dividedBy(scale.factor());
    boolean initialized = world.awaitPhase(List.of("Initialized"), interval.multipliedBy(12));
    if (initialized) {
      log.info("kubectl -n test set image deployment/podinfo podinfod=stefanprodan/podinfo:3.1.1");
      world.setImage("stefanprodan/podinfo:3.1.1");
      world.awaitPhase(List.of("Succeeded", "Failed"), interval.multipliedBy(options.judge() ? 60 : 40));
    } else {
      log.info("the Canary was not initialized in time");
    }
    world.stopRelease();
    Verdict verdict = Verdict.read(world.client());
    new Summary(log).print(releaseLog, world.served(), verdict, Instant.now());
    if (options.dump() != null) {
      List<Path> files = world.dump(options.dump());
      log.info("Wrote " + files.size() + " objects to " + options.dump());
    }
    new DemoRecord(log, options, releaseLog, interval).write(world);
    boolean ok = initialized && verdict.matches(options.scenario());
    log.info((ok ? "As expected for scenario " : "NOT as expected for scenario ") + options.scenario().label()
        + " (" + Verdict.expected(options.scenario()) + "): " + verdict);
    return ok ? MATCHED : UNEXPECTED;
  }

  /**
   * What to run.
   *
   * @param scenario how podinfo 3.1.1 behaves
   * @param timeScale the divisor of the seed's durations
   * @param dump the folder for the final objects, or {@code null}
   * @param meshCluster where the Istio objects live
   * @param report the HTML report to write, or {@code null} for {@code report.html} in {@code dump} (none without
   *     a dump)
   * @param keepTsdb where to keep Prometheus' TSDB for a backtest, or {@code null}
   * @param judge whether canarykit's statistical judge decides (the Canary's annotation)
   */
  public record Options(Scenario scenario, int timeScale, Path dump, MeshCluster meshCluster, Path report,
      Path keepTsdb, boolean judge) {
    /** Options with the Istio objects in the workload cluster, without a report, a kept TSDB or the judge. */
    public Options(Scenario scenario, int timeScale, Path dump) {
      this(scenario, timeScale, dump, MeshCluster.SAME, null, null, false);
    }

    /** Where the report goes, or {@code null}. */
    public Path reportFile() {
      return report != null ? report : dump != null ? dump.resolve("report.html") : null;
    }
  }
}
