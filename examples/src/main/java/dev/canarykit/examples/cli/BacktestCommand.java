package dev.canarykit.examples.cli;

import dev.canarykit.core.backtest.Backtest;
import dev.canarykit.core.backtest.BacktestException;
import dev.canarykit.core.backtest.BacktestSummary;
import dev.canarykit.core.backtest.ReleaseWindow;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.examples.report.BacktestReport;
import dev.canarykit.core.port.MetricTemplateLookup;
import dev.canarykit.prometheus.PrometheusClient;
import dev.canarykit.prometheus.PrometheusHistory;
import dev.canarykit.prometheus.ResilienceSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code canarykit backtest}: replays a Canary's analysis over past releases held by a Prometheus, under Flagger's
 * thresholds and under the statistical judge, and says what each would have decided and when. Exit 0 when it ran,
 * 1 when a policy's decision contradicts a labelled release, 2 on usage errors, unusable files or windows, and an
 * unreachable Prometheus (named).
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {
        "Replays a Canary's analysis tick by tick over past releases in a Prometheus and reports what each policy",
        "would have decided and when. Weights are history's; webhooks and gates are not called.",
        "Exit 0: it ran; 1: a policy's decision contradicts a labelled release; 2: usage error, unusable file or",
        "window, or an unreachable Prometheus."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:it ran", "1:a policy's decision contradicts a labelled release",
        "2:usage error, unusable file or window, unreachable Prometheus"})
final class BacktestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--canary", required = true, paramLabel = "FILE",
      description = "A YAML file holding the Canary and the MetricTemplates (and Secrets) it uses.")
  String canaryFile;

  @Option(names = "--prometheus", required = true, paramLabel = "URL", converter = PrometheusUrl.class,
      description = "The Prometheus holding the history; replaces every provider address and metrics server.")
  URI prometheus;

  @Option(names = "--start", paramLabel = "RFC3339", description = "When the new revision was detected.")
  String start;

  @Option(names = "--end", paramLabel = "RFC3339", description = "The end of the window.")
  String end;

  @Option(names = "--releases", paramLabel = "FILE", description = "Release windows with the team's verdicts.")
  Path releasesFile;

  @Mixin
  PolicyOption policy;

  @Option(names = "--json", description = "Print only the figures, as JSON.")
  boolean json;

  @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report.")
  Path report;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<Policy> policies = policy.policies();
      List<ReleaseWindow> windows = windows();
      BacktestFiles files = BacktestFiles.load(canaryFile);
      Canary canary = files.canary();
      PrometheusHistory history = history(files.templates(), files.secrets());
      List<BacktestSummary> summaries = Backtest.runAll(canary, windows, policies, history,
          new ProgressLines(err, windows.size()));
      print(canary, policies, summaries);
      if (report != null) {
        Files.writeString(report, BacktestReport.html(canary, summaries));
      }
      return summaries.stream().anyMatch(s -> !s.disagreements().isEmpty()) ? Cli.INVALID : Cli.OK;
    } catch (IllegalArgumentException | ReleasesFile.Invalid e) {
      err.println("ERROR " + e.getMessage());
    } catch (BacktestException | BacktestFiles.Unusable e) {
      e.getMessage().lines().forEach(l -> err.println("ERROR " + l));
    } catch (IOException e) {
      err.println("ERROR cannot write " + report + ": " + e.getMessage());
    }
    return Cli.ERROR;
  }

  private List<ReleaseWindow> windows() throws ReleasesFile.Invalid {
    boolean window = start != null || end != null;
    if (window == (releasesFile != null)) {
      throw new IllegalArgumentException("give either --start and --end, or --releases");
    }
    if (releasesFile != null) {
      try {
        return ReleasesFile.parse(Files.readString(releasesFile));
      } catch (IOException e) {
        throw new ReleasesFile.Invalid(releasesFile + ": cannot read: " + e.getMessage());
      } catch (ReleasesFile.Invalid e) {
        throw new ReleasesFile.Invalid(releasesFile + ": " + e.getMessage());
      }
    }
    if (start == null || end == null) {
      throw new IllegalArgumentException("--start and --end go together");
    }
    Instant s = ReleasesFile.time(start, "--start");
    Instant e = ReleasesFile.time(end, "--end");
    if (!e.isAfter(s)) {
      throw new IllegalArgumentException("--end " + e + " is not after --start " + s);
    }
    return List.of(new ReleaseWindow(s.truncatedTo(ChronoUnit.SECONDS) + "/" + e.truncatedTo(ChronoUnit.SECONDS), s, e,
        null));
  }

  private PrometheusHistory history(MetricTemplateLookup templates, FileSecrets secrets) {
    PrometheusClient client = PrometheusClient.builder()
        .resilience(ResilienceSettings.ofDefaults().withBreaker(CheckCommand.NEVER_OPENS)).build();
    return PrometheusHistory.builder(prometheus).overrideAddress(prometheus).client(client).templates(templates)
        .secrets(secrets).build();
  }

  private void print(Canary canary, List<Policy> policies, List<BacktestSummary> summaries) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(BacktestJson.write(summaries));
      return;
    }
    BacktestText text = new BacktestText(out, canary);
    text.header(prometheus.toString(), policies.stream().map(Policy::wireName).toList());
    summaries.get(0).releases().forEach(text::release);
    text.summary(summaries);
  }
}
