package dev.canarykit.examples.cli;

import dev.canarykit.core.simulation.Policy;
import java.util.List;

/** The {@code --policy} option of {@code simulate} and {@code backtest}: flagger, statistical or both. */
final class PolicyOption {
  private PolicyOption() {}

  /**
   * The policies {@code value} names, in the order flagger, statistical.
   *
   * @throws IllegalArgumentException naming the value when it is none of the three
   */
  static List<Policy> parse(String value) {
    switch (value) {
      case "flagger": return List.of(Policy.FLAGGER);
      case "statistical": return List.of(Policy.STATISTICAL);
      case "both": return List.of(Policy.FLAGGER, Policy.STATISTICAL);
      default: throw new IllegalArgumentException("--policy must be flagger, statistical or both, but was " + value);
    }
  }
}
