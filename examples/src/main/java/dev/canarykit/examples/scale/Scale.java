package dev.canarykit.examples.scale;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The scale harness: N canaries (each with its own Deployment), either on fabric8's mock API server in a JVM of its
 * own driven by one {@code CanaryController} at its defaults ({@code --mode mock}), or on in-memory ports driven by
 * the core driver and the controller's scheduling ({@code --mode memory}); metric queries and webhook calls take
 * {@code --port-delay}. Measures this JVM: the start until every canary is Initialized, heap after GC per canary,
 * process CPU per wall second, tick lateness (p50, p99, max) and threads, idle and while a share of the canaries
 * release; API requests per idle tick and the mock server's CPU apart. Prints {@link Report} lines
 * ({@code scripts/scale.sh}; figures in docs/benchmarks.md).
 *
 * <pre>{@code java -cp canarykit.jar dev.canarykit.examples.scale.Scale --canaries 1000 --releasing 0.1}</pre>
 */
public final class Scale {
  private final Options options;
  private final Report report;
  private final Lateness lateness = new Lateness();
  private final Map<String, Phase> phases = new ConcurrentHashMap<>();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private Scale(Options options, PrintStream out) {
    this.options = options;
    this.report = new Report(out);
  }

  /** Runs the harness with {@code args} ({@link Options}) and exits. */
  public static void main(String[] args) throws Exception {
    run(args, System.out);
    System.exit(0);
  }

  /** Runs the harness with {@code args} ({@link Options}), printing its figures to {@code out}. */
  public static void run(String[] args, PrintStream out) throws Exception {
    new Scale(Options.parse(args), out).run();
  }

  private void run() throws Exception {
    report.figure("mode", options.mode, "parameter");
    report.figure("canaries", options.canaries, "parameter");
    report.figure("start", options.start, "parameter");
    report.figure("interval-seconds", options.interval.toSeconds(), "parameter");
    report.figure("port-delay-ms", options.portDelay.toMillis(), "parameter");
    long heapBefore = heapAfterGc();
    SlowPorts ports = new SlowPorts(options.portDelay);
    long loadStart = System.nanoTime();
    try (Fleet fleet = open(ports)) {
      if (fleet.apiRequests() >= 0) {
        report.figure("cluster-load-seconds", seconds(System.nanoTime() - loadStart), Report.MOCK_SERVER);
      }
      long start = System.nanoTime();
      fleet.start(lateness, this::record);
      awaitUntil(() -> count(Phase.INITIALIZED) == options.canaries, options.startupLimit, "every canary Initialized");
      // an initialized fleet is taken over: every canary has ticked once and found itself Initialized
      String startup = options.initialized() ? "takeover" : "startup";
      report.figure(startup + "-seconds", seconds(System.nanoTime() - start), fleet.whose());
      apiFigure(fleet, startup + "-api-requests", fleet.apiRequests());
      apiFigure(fleet, startup + "-api-writes", fleet.apiWrites());
      Thread.sleep(options.settle.toMillis()); // the first ticks' extra reads and the JIT settle
      report.figure("heap-after-gc-kb-per-canary", (heapAfterGc() - heapBefore) / 1024.0 / options.canaries,
          Report.CONTROLLER);
      Window idle = measure("idle", fleet, () -> false, options.idle);
      apiFigure(fleet, "idle-api-requests-per-tick", idle.requests / (double) Math.max(1, idle.ticks));
      int releasing = (int) Math.round(options.canaries * options.releasing);
      fleet.release(releasing);
      report.figure("releasing", releasing, "parameter");
      Window release = measure("releasing", fleet, () -> count(Phase.SUCCEEDED) >= releasing, options.releaseLimit);
      report.figure("releasing-seconds", release.seconds, fleet.whose());
      report.figure("releases-started", started(releasing), fleet.whose());
      report.figure("releases-succeeded", count(Phase.SUCCEEDED), fleet.whose());
    }
  }

  private Fleet open(SlowPorts ports) throws Exception {
    return switch (options.mode) {
      case "mock" -> MockFleet.open(options.canaries, options.interval, options.initialized(), ports);
      case "memory" -> new MemoryFleet(options.canaries, options.interval, ports);
      default -> throw new IllegalArgumentException("--mode must be mock or memory, but was " + options.mode);
    };
  }

  /**
   * Measures the window from now until {@code done} holds or {@code length} passed: CPU per wall second of this
   * JVM (and of the mock server's), ticks, their lateness, API requests and threads.
   */
  private Window measure(String name, Fleet fleet, BooleanSupplier done, Duration length)
      throws InterruptedException {
    lateness.reset();
    threads.resetPeakThreadCount();
    long cpu = processCpuNanos();
    Duration serverCpu = fleet.serverCpu();
    long requests = fleet.apiRequests();
    long wall = System.nanoTime();
    long end = wall + length.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    long elapsed = System.nanoTime() - wall;
    Window w = new Window(lateness.ticks(), fleet.apiRequests() - requests, seconds(elapsed));
    double[] late = lateness.percentilesMillis();
    report.figure(name + "-cpu-cores", (processCpuNanos() - cpu) / (double) elapsed, Report.CONTROLLER);
    if (requests >= 0) {
      report.figure(name + "-mock-server-cpu-cores", fleet.serverCpu().minus(serverCpu).toNanos() / (double) elapsed,
          Report.MOCK_SERVER);
    }
    report.figure(name + "-ticks-per-second", w.ticks / w.seconds, fleet.whose());
    report.figure(name + "-lateness-p50-ms", late[0], fleet.whose());
    report.figure(name + "-lateness-p99-ms", late[1], fleet.whose());
    report.figure(name + "-lateness-max-ms", late[2], fleet.whose());
    apiFigure(fleet, name + "-api-requests-per-second", w.requests / w.seconds);
    report.figure(name + "-threads", threads.getThreadCount(), Report.CONTROLLER);
    report.figure(name + "-threads-peak", threads.getPeakThreadCount(), Report.CONTROLLER);
    return w;
  }

  private void apiFigure(Fleet fleet, String name, Object value) {
    if (fleet.apiRequests() >= 0) {
      report.figure(name, value, Report.CONTROLLER);
    }
  }

  private record Window(long ticks, long requests, double seconds) {}

  private void record(TickReport tick) {
    if (tick.finalStatus() != null) {
      phases.put(tick.canary().name(), tick.finalStatus().phase());
    }
  }

  /** How many of the first {@code n} canaries left Initialized (a release was detected). */
  private int started(int n) {
    int started = 0;
    for (int i = 0; i < n; i++) {
      Phase p = phases.get(ScaleFleet.name(i));
      started += p != null && p != Phase.INITIALIZED ? 1 : 0;
    }
    return started;
  }

  private int count(Phase phase) {
    return (int) phases.values().stream().filter(p -> p == phase).count();
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void awaitUntil(BooleanSupplier condition, Duration limit, String what)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException(what + " not reached within " + limit);
      }
      Thread.sleep(100);
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /**
   * The harness's options, {@code --name value} pairs, every one optional: {@code --mode mock|memory} (mock),
   * {@code --canaries} (1000), {@code --releasing} share (0.1), {@code --interval} (10s), {@code --port-delay}
   * (60ms), {@code --settle} (20s: a pause after startup, before the heap and the idle window are measured),
   * {@code --idle} window (60s), {@code --release-limit} (300s: the releasing window ends when every releasing
   * canary succeeded or after this), {@code --startup-limit} (2h). A canary is ticked at its analysis interval,
   * at least 10 s, as the controller does by default.
   */
  record Options(String mode, String start, int canaries, double releasing, Duration interval, Duration portDelay, Duration settle,
      Duration idle, Duration releaseLimit, Duration startupLimit) {
    static Options parse(String[] args) {
      Map<String, String> a = new HashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 == args.length) {
          throw new IllegalArgumentException("expected --name value pairs, but got " + args[i]);
        }
        a.put(args[i].substring(2), args[i + 1]);
      }
      Options o = new Options(a.getOrDefault("mode", "mock"), a.getOrDefault("start", "new"), Integer.parseInt(a.getOrDefault("canaries", "1000")),
          Double.parseDouble(a.getOrDefault("releasing", "0.1")), duration(a.getOrDefault("interval", "10s")),
          duration(a.getOrDefault("port-delay", "60ms")), duration(a.getOrDefault("settle", "20s")),
          duration(a.getOrDefault("idle", "60s")),
          duration(a.getOrDefault("release-limit", "300s")), duration(a.getOrDefault("startup-limit", "2h")));
      a.keySet().removeAll(java.util.Set.of("mode", "start", "canaries", "releasing", "interval", "port-delay", "settle", "idle",
          "release-limit", "startup-limit"));
      if (!a.isEmpty()) {
        throw new IllegalArgumentException("unknown options " + new java.util.TreeSet<>(a.keySet()));
      }
      if (!o.start.equals("new") && !(o.start.equals("initialized") && o.mode.equals("mock"))) {
        throw new IllegalArgumentException("--start must be new, or initialized with --mode mock, but was " + o.start);
      }
      return o;
    }

    boolean initialized() {
      return start.equals("initialized");
    }

    private static Duration duration(String s) {
      return s.endsWith("ms") ? Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)))
          : Duration.parse("PT" + s.toUpperCase(Locale.ROOT));
    }
  }
}
