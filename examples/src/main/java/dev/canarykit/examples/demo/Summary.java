package dev.canarykit.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The end of the demo's output: a {@code kubectl describe canary}-style event table, the weight and metric values
 * per tick, the traffic each version served, and the final phase.
 */
final class Summary {
  private final DemoLog log;

  Summary(DemoLog log) {
    this.log = log;
  }

  void print(ReleaseLog release, Map<String, Long> served, Verdict verdict, Instant now) {
    log.info("");
    log.info("Events:");
    log.info("  Type     Reason  Age    From       Message");
    log.info("  ----     ------  ----   ----       -------");
    for (ReleaseLog.Recorded r : release.events()) {
      log.info(String.format("  %-8s Synced  %-6s canarykit  %s", r.event().type(),
          age(Duration.between(r.at(), now)), r.event().message()));
    }
    log.info("");
    log.info("Analysis per tick (phase, canary weight, metric values):");
    release.ticks().forEach(t -> log.info("  " + t));
    log.info("");
    log.info("User traffic through the gateway (version, status: requests):");
    served.forEach((k, v) -> log.info("  " + k + ": " + v));
    log.info("");
    log.info("Final phase: " + (verdict.phase().isEmpty() ? "(none)" : verdict.phase()));
  }

  private static String age(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + "s" : s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
  }
}
