package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.MetricSource;
import java.time.Duration;

/** The source of a metrics server address that is not an absolute http(s) URL: everything fails, naming it. */
final class UnusableServer implements MetricSource {
  private final String message;

  UnusableServer(String address) {
    this.message = "error building Prometheus client for " + Addresses.describe(address)
        + ": not a valid http(s) URL";
  }

  @Override
  public Outcome.MetricResult query(Canary canary, MetricSpec metric) {
    return new Outcome.MetricError(message, false);
  }

  @Override
  public Outcome.OkResult probe(Canary canary) {
    return new Outcome.Failed(message);
  }

  @Override
  public Outcome.CountsResult counts(Canary canary, Duration window) {
    return new Outcome.Failed(VersionCounter.PREFIX + message);
  }
}
