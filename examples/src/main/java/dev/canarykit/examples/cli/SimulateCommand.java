package dev.canarykit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.internal.simulation.PolicySummary;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.internal.simulation.Scenario;
import dev.canarykit.core.internal.simulation.Simulation;
import dev.canarykit.k8s.DocumentCheck;
import dev.canarykit.k8s.FlaggerDocuments;
import dev.canarykit.k8s.ManifestYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code canarykit simulate}: runs a Canary's release many times over scenarios of traffic and behaviour, under
 * Flagger's thresholds and under the statistical judge, and prints the comparison as JSON (only JSON on stdout).
 * {@code flagger} runs the Canary without canarykit's judge; {@code statistical} runs it with the judge at its
 * defaults. Exit 0, or 2 when a file cannot be read or is invalid.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate releases of a Canary over scenarios and compare decision policies (JSON on stdout).")
final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--canary", required = true, paramLabel = "FILE", description = "A file holding the Canary.")
  Path canaryFile;

  @Option(names = "--scenarios", required = true, paramLabel = "FILE", description = "The scenarios (YAML).")
  Path scenariosFile;

  @Option(names = "--runs", defaultValue = "100", description = "Runs per scenario and policy (default 100).")
  int runs;

  @Option(names = "--seed", defaultValue = "1", description = "The base seed (default 1).")
  long seed;

  @Mixin
  PolicyOption policy;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    try {
      List<Policy> policies = policy.policies();
      if (runs < 1) {
        throw new IllegalArgumentException("--runs must be >= 1, but was " + runs);
      }
      Canary canary = canary();
      List<Scenario> scenarios = ScenarioFile.parse(Files.readString(scenariosFile));
      List<PolicySummary> summaries = new ArrayList<>();
      for (Policy p : policies) {
        summaries.add(Simulation.run(canary, scenarios, p, runs, seed));
      }
      spec.commandLine().getOut().println(Simulation.toJson(summaries));
      return Cli.OK;
    } catch (IOException e) {
      err.println("ERROR " + e.getMessage());
    } catch (ScenarioFile.Invalid | IllegalArgumentException e) {
      err.println("ERROR " + e.getMessage());
    } catch (ManifestYaml.InvalidYaml e) {
      err.println("ERROR " + canaryFile + ":" + e.line() + ": not YAML: " + e.getMessage());
    }
    return Cli.ERROR;
  }

  /** The first Canary of the file; it must be valid. */
  private Canary canary() throws IOException, ManifestYaml.InvalidYaml {
    for (ManifestYaml.Document d : ManifestYaml.parse(Files.readString(canaryFile))) {
      JsonNode doc = d.tree();
      if ("Canary".equals(doc.path("kind").asText())) {
        DocumentCheck check = FlaggerDocuments.check(doc);
        if (!check.violations().isEmpty()) {
          var v = check.violations().get(0);
          throw new IllegalArgumentException(canaryFile + ": invalid Canary: " + v.path() + ": " + v.message()
              + (check.violations().size() > 1 ? " (and " + (check.violations().size() - 1) + " more)" : ""));
        }
        return FlaggerDocuments.toCanary(doc);
      }
    }
    throw new IllegalArgumentException(canaryFile + ": no flagger.app/v1beta1 Canary found");
  }
}
