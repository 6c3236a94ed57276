package dev.canarykit.examples.scale;

import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.testing.InMemoryStatusStore;
import dev.canarykit.k8s.CanaryMapping;
import dev.canarykit.k8s.controller.ControllerConfig;
import dev.canarykit.k8s.controller.ControllerListener;
import dev.canarykit.k8s.controller.ScaleScheduling;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fleet on in-memory ports: the core {@link CanaryDriver} with {@link MemoryWorkloads}, an in-memory status
 * store and {@link SlowPorts}, scheduled by the controller's own scheduling and worker pool at the controller's
 * defaults ({@link ScaleScheduling}). No Kubernetes: what it measures is the cost of the driver and the scheduling
 * alone; the informers, the mapping of the resource and the controller's per-tick checks are the mock mode's.
 */
final class MemoryFleet implements Fleet {
  private final SlowPorts ports;
  private final Map<String, Canary> canaries = new LinkedHashMap<>();
  private final MemoryWorkloads workloads = new MemoryWorkloads();
  private ScaleScheduling scheduling;
  private CanaryDriver driver;
  private ControllerListener lateness;
  private Consumer<TickReport> onTick;

  /** {@code n} canaries analysed every {@code interval}, made as the mock mode's are (parsed from YAML). */
  MemoryFleet(int n, Duration interval, SlowPorts ports) {
    this.ports = ports;
    for (int i = 0; i < n; i++) {
      Canary c = CanaryMapping.toCore(ScaleFleet.canary(i, interval));
      canaries.put(c.namespace() + "/" + c.name(), c);
    }
  }

  @Override
  public void start(ControllerListener lateness, Consumer<TickReport> onTick) {
    this.lateness = lateness;
    this.onTick = onTick;
    ControllerConfig defaults = ControllerConfig.builder().router(ports.router()).metrics(ports).webhooks(ports)
        .build();
    scheduling = new ScaleScheduling(defaults, this::tick);
    driver = CanaryDriver.builder().workloads(workloads).router(ports.router()).metrics(ports).webhooks(ports)
        .statuses(new InMemoryStatusStore()).clock(Clock.systemUTC()).portCalls(scheduling.portCalls()).build();
    canaries.forEach((key, canary) -> scheduling.schedule(key, defaults.intervals().apply(canary)));
  }

  private void tick(String key, Duration late, Duration every) {
    Canary canary = canaries.get(key);
    lateness.tickStarted(canary.namespace(), canary.name(), late, every);
    TickReport report = driver.tick(canary);
    report.pacedUntil().ifPresent(due -> scheduling.once(key, nonNegative(Duration.between(Clock.systemUTC()
        .instant(), due))));
    onTick.accept(report);
  }

  @Override
  public void release(int n) {
    for (int i = 0; i < n; i++) {
      workloads.release(ScaleFleet.NAMESPACE, ScaleFleet.name(i), "v2");
    }
  }

  @Override
  public long apiRequests() {
    return -1;
  }

  @Override
  public Duration serverCpu() {
    return Duration.ZERO;
  }

  @Override
  public String whose() {
    return Report.CONTROLLER;
  }

  @Override
  public void close() {
    if (scheduling != null) {
      scheduling.close();
    }
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
