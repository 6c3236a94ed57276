package dev.canarykit.examples.scale;

import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.controller.CanaryController;
import dev.canarykit.k8s.controller.ControllerConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The scale harness: N canaries (each with its own Deployment) on fabric8's mock API server, run in a JVM of its
 * own, driven by one {@link CanaryController} at its defaults in this JVM, with in-memory router, metrics and
 * webhooks whose calls take {@code --port-delay}. Measures the controller's JVM only: the start until every canary
 * is Initialized, heap after GC per canary, process CPU per wall second and tick lateness (p50, p99, max) while
 * idle and while a share of the canaries release, API requests per idle tick, and threads. Prints {@code SCALE}
 * lines ({@code scripts/scale.sh}; figures in docs/benchmarks.md).
 *
 * <pre>{@code java -cp canarykit.jar dev.canarykit.examples.scale.Scale --canaries 1000 --releasing 0.1}</pre>
 */
public final class Scale {
  private final Options options;
  private final Lateness lateness = new Lateness();
  private final Map<String, Phase> phases = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private Scale(Options options) {
    this.options = options;
  }

  /** Runs the harness with {@code args} ({@link Options}). */
  public static void main(String[] args) throws Exception {
    new Scale(Options.parse(args)).run();
    System.exit(0);
  }

  private void run() throws Exception {
    SlowPorts ports = new SlowPorts(options.portDelay);
    print("canaries", options.canaries);
    long loadStart = System.nanoTime();
    try (ClusterProcess cluster = ClusterProcess.start(options.canaries, options.interval);
        KubernetesClient client = client(cluster.port())) {
      print("cluster-load-seconds", seconds(System.nanoTime() - loadStart));
      long heapBefore = heapAfterGc();
      ControllerConfig config = ControllerConfig.builder().router(ports.router()).metrics(ports).webhooks(ports)
          .namespace(ScaleFleet.NAMESPACE).controllerListener(lateness).onTick(this::record).build();
      long start = System.nanoTime();
      try (CanaryController controller = CanaryController.create(client, config).start()) {
        awaitUntil(() -> count(Phase.INITIALIZED) == options.canaries, options.startupLimit);
        print("startup-seconds", seconds(System.nanoTime() - start));
        print("startup-requests", requests.get());
        awaitFor(options.interval.multipliedBy(2)); // the first ticks' extra reads settle
        print("heap-after-gc-kb-per-canary", (heapAfterGc() - heapBefore) / 1024.0 / options.canaries);
        Window idle = measure("idle", options.idle, cluster);
        print("idle-requests-per-tick", idle.requests / (double) Math.max(1, idle.ticks));
        int releasing = (int) Math.round(options.canaries * options.releasing);
        release(client, releasing);
        measure("releasing", options.release, cluster);
        print("released-succeeded", count(Phase.SUCCEEDED));
        print("releases-still-running", releasing - count(Phase.SUCCEEDED));
      }
    }
  }

  /** Starts a release of the first {@code n} canaries: a new image on their targets. */
  private void release(KubernetesClient client, int n) {
    for (int i = 0; i < n; i++) {
      client.apps().deployments().inNamespace(ScaleFleet.NAMESPACE).withName(ScaleFleet.name(i)).edit(d -> {
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(ScaleFleet.NEW_IMAGE);
        return d;
      });
    }
    print("releasing", n);
  }

  private Window measure(String name, Duration length, ClusterProcess cluster) throws InterruptedException {
    lateness.reset();
    long cpu = processCpuNanos();
    Duration clusterCpu = cluster.cpu();
    long req = requests.get();
    long wall = System.nanoTime();
    threads.resetPeakThreadCount();
    awaitFor(length);
    long elapsed = System.nanoTime() - wall;
    Window w = new Window(lateness.ticks(), requests.get() - req);
    double[] late = lateness.percentilesMillis();
    print(name + "-cpu-cores", (processCpuNanos() - cpu) / (double) elapsed);
    print(name + "-cluster-cpu-cores", (cluster.cpu().minus(clusterCpu)).toNanos() / (double) elapsed);
    print(name + "-ticks-per-second", w.ticks / (elapsed / 1e9));
    print(name + "-lateness-ms-p50-p99-max", String.format(Locale.ROOT, "%.1f %.1f %.1f", late[0], late[1], late[2]));
    print(name + "-requests-per-second", w.requests / (elapsed / 1e9));
    print(name + "-threads-now-peak", threads.getThreadCount() + " " + threads.getPeakThreadCount());
    return w;
  }

  private record Window(long ticks, long requests) {}

  private void record(TickReport report) {
    if (report.finalStatus() != null) {
      phases.put(report.canary().name(), report.finalStatus().phase());
    }
  }

  private int count(Phase phase) {
    return (int) phases.values().stream().filter(p -> p == phase).count();
  }

  /** A client of the cluster whose requests are counted. */
  private KubernetesClient client(int port) {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + port)
        .withNamespace(ScaleFleet.NAMESPACE).withRequestTimeout(60_000).build();
    return new KubernetesClientBuilder().withConfig(config).withHttpClientBuilderConsumer(
        b -> b.addOrReplaceInterceptor("count", new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            requests.incrementAndGet();
          }
        })).build();
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

  private static void awaitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("not reached within " + limit);
      }
      Thread.sleep(500);
    }
  }

  private static void awaitFor(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void print(String key, Object value) {
    String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
    System.out.println("SCALE " + key + " " + text);
    System.out.flush();
  }

  /** The harness's options: {@code --name value} pairs, every one optional. */
  record Options(int canaries, double releasing, Duration interval, Duration portDelay, Duration idle,
      Duration release, Duration startupLimit) {
    static Options parse(String[] args) {
      Map<String, String> a = new ConcurrentHashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
      }
      return new Options(Integer.parseInt(a.getOrDefault("canaries", "1000")),
          Double.parseDouble(a.getOrDefault("releasing", "0.1")), duration(a.getOrDefault("interval", "10s")),
          duration(a.getOrDefault("port-delay", "60ms")), duration(a.getOrDefault("idle", "60s")),
          duration(a.getOrDefault("release", "120s")), duration(a.getOrDefault("startup-limit", "2h")));
    }

    private static Duration duration(String s) {
      return s.endsWith("ms") ? Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)))
          : Duration.parse("PT" + s.toUpperCase(Locale.ROOT));
    }
  }
}
