package dev.canarykit.examples.cli;

import dev.canarykit.core.port.MetricTemplateLookup;
import dev.canarykit.prometheus.PrometheusClient;
import dev.canarykit.prometheus.PrometheusMetricSource;
import dev.canarykit.prometheus.ResilienceSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code canarykit check --canary FILE... --prometheus URL}: runs every metric of every Canary once against a
 * Prometheus and prints the raw value, the verdict the analysis would reach and the rendered query. This is the
 * tool that answers "why does my canary say no values found?".
 *
 * <p>Output (stdout), per Canary in file and document order: {@code CANARY <namespace>/<name>}, then per metric in
 * spec order one of {@code PASS|FAIL <metric> <value> [<min>,<max>]}, {@code NODATA <metric> <message>},
 * {@code ERROR <metric> <message>}, followed by {@code   query: <query>} ({@code -} when rendering failed); see
 * {@link CheckLines}. Files that cannot be read or hold an invalid Canary or MetricTemplate print {@code ERROR}
 * lines to stderr and nothing is queried ({@link CheckFiles}).
 *
 * <p>Queries use the Prometheus client's defaults (5 s timeout, retries with backoff) except the circuit breaker,
 * which never opens here: a one-shot diagnosis should show each metric's own error, not "breaker open".
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {
        "Queries every metric of every Canary once against a Prometheus and prints the value, the verdict and the",
        "rendered query. MetricTemplates in any of the files are available to every Canary.",
        "Exit 0: every metric passes; 1: a metric fails, has no data or errs; 2: unreadable or invalid file, or",
        "a usage error."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every metric passes", "1:a metric fails, has no data or errs",
        "2:unreadable or invalid file, or usage error"})
final class CheckCommand implements Callable<Integer> {
  /** A breaker configuration that never opens (its minimum number of calls is never reached). */
  static final CircuitBreakerConfig NEVER_OPENS = CircuitBreakerConfig.custom()
      .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED).slidingWindowSize(1)
      .minimumNumberOfCalls(Integer.MAX_VALUE).waitDurationInOpenState(Duration.ofMillis(1)).build();

  @Spec
  CommandSpec spec;

  @Option(names = "--canary", required = true, paramLabel = "FILE",
      description = "A YAML file holding a Canary and possibly MetricTemplates; repeatable.")
  List<String> files;

  @Option(names = "--prometheus", required = true, paramLabel = "URL", converter = PrometheusUrl.class,
      description = "The Prometheus to ask; replaces every provider address and metrics server.")
  URI prometheus;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CheckFiles.Loaded loaded = CheckFiles.load(files);
    if (!loaded.errors().isEmpty()) {
      loaded.errors().forEach(spec.commandLine().getErr()::println);
      return Cli.ERROR;
    }
    CanaryCheck check = new CanaryCheck(source(loaded), out);
    boolean pass = true;
    for (var canary : loaded.canaries()) {
      pass &= check.check(canary);
    }
    return pass ? Cli.OK : Cli.INVALID;
  }

  private PrometheusMetricSource source(CheckFiles.Loaded loaded) {
    PrometheusClient client = PrometheusClient.builder()
        .resilience(ResilienceSettings.ofDefaults().withBreaker(NEVER_OPENS)).build();
    return PrometheusMetricSource.builder(prometheus).overrideAddress(prometheus).client(client)
        .templates(MetricTemplateLookup.of(loaded.templates())).secrets(loaded.secrets()).build();
  }
}
