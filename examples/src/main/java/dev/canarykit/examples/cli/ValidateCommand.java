package dev.canarykit.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code canarykit validate FILE...}: checks Flagger Canaries, MetricTemplates and AlertProviders offline. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {
        "Checks every Canary, MetricTemplate and AlertProvider (flagger.app/v1beta1) in the files, offline.",
        "Prints OK, INVALID, WARN and SKIP lines to stdout in document order, ERROR lines to stderr.",
        "Exit 0: all valid; 1: something invalid; 2: a file could not be read or parsed, or a usage error."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:all valid", "1:something invalid", "2:unreadable or unparsable file, or usage error"})
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML files; each may hold several documents.")
  List<String> files;

  @Override
  public Integer call() {
    ManifestValidator validator = new ManifestValidator(spec.commandLine().getOut(), spec.commandLine().getErr());
    files.forEach(validator::validate);
    return validator.exitCode();
  }
}
