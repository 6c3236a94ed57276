package dev.canarykit.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command {@code canarykit}; without a subcommand it prints its usage and fails as a usage error. */
@Command(name = "canarykit", mixinStandardHelpOptions = true, version = "canarykit 0.1.0",
    description = "Flagger-compatible progressive delivery: check, simulate and run canary releases.",
    subcommands = {ValidateCommand.class, SimulateCommand.class, CheckCommand.class, BacktestCommand.class,
        dev.canarykit.examples.demo.DemoCommand.class})
final class CanarykitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("Missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return Cli.ERROR;
  }
}
