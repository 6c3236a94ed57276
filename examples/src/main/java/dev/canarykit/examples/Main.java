package dev.canarykit.examples;

import dev.canarykit.examples.cli.Cli;

/** Entry point of the {@code canarykit} command line ({@code java -jar examples/target/canarykit.jar}). */
public final class Main {
  private Main() {}

  /** Runs {@code canarykit} with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
