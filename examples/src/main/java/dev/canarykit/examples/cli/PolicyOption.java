package dev.canarykit.examples.cli;

import dev.canarykit.core.simulation.Policy;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --policy} option (a picocli mixin) of {@code simulate} and {@code backtest}. */
final class PolicyOption {
  @Option(names = "--policy", defaultValue = "both", description = "flagger, statistical or both (default both).")
  String value;

  /**
   * The policies the option names, in the order flagger, statistical.
   *
   * @throws IllegalArgumentException naming the value when it is none of the three
   */
  List<Policy> policies() {
    switch (value) {
      case "flagger": return List.of(Policy.FLAGGER);
      case "statistical": return List.of(Policy.STATISTICAL);
      case "both": return List.of(Policy.FLAGGER, Policy.STATISTICAL);
      default: throw new IllegalArgumentException("--policy must be flagger, statistical or both, but was " + value);
    }
  }
}
