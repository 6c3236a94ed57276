package dev.canarykit.examples.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code canarykit demo}: the seed release end to end. Exit 0 when the outcome matches the scenario, 1 when it
 * does not, 2 for a rejected option.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the seed release (podinfo 3.1.0 -> 3.1.1) on an embedded cluster, a simulated Istio mesh "
        + "and a real Prometheus.")
public final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--scenario", defaultValue = "good", paramLabel = "good|slow|errors",
      description = "How 3.1.1 behaves: healthy, 600-900 ms per request, or 5% HTTP 500 (default good).")
  Scenario scenario;

  @Option(names = "--time-scale", paramLabel = "N", defaultValue = "" + TimeScale.DEFAULT,
      description = "Divide the seed's durations by N (default ${DEFAULT-VALUE}: a 10s analysis interval).")
  int timeScale;

  @Option(names = "--dump", paramLabel = "DIR", description = "Write the final YAML of every object here.")
  Path dump;

  @Option(names = "--mesh-cluster", defaultValue = "same", paramLabel = "same|separate",
      description = "Where the Istio objects live: in the workload cluster, or behind a second API server (the "
          + "mesh control plane, as in the seed) (default same).")
  MeshCluster meshCluster;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Write an HTML picture of the release here (default: report.html in the --dump folder).")
  Path report;

  @Option(names = "--keep-tsdb", paramLabel = "DIR",
      description = "Keep Prometheus' TSDB here after the release, to backtest it.")
  Path keepTsdb;

  @Option(names = "--judge", description = "Let canarykit's statistical judge decide (annotation "
      + "canarykit.dev/judge: enabled; its horizon and warm-up scaled like the Canary) and print its verdict each "
      + "tick.")
  boolean judge;

  @Override
  public Integer call() {
    quietLibraries();
    PrintWriter out = spec.commandLine().getOut();
    try {
      return new Demo(new Demo.Options(scenario, timeScale, dump, meshCluster, report, keepTsdb, judge),
          new DemoLog(out)).run();
    } catch (RuntimeException e) {
      out.flush();
      spec.commandLine().getErr().println("demo failed: " + e.getMessage());
      return Demo.UNEXPECTED;
    }
  }

  /**
   * The demo prints the controller's events itself; library logging (slf4j-simple, on standard error) is kept to
   * warnings, unless configured otherwise.
   */
  private static void quietLibraries() {
    System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.getProperties().putIfAbsent(
        "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils", "error");
  }
}
