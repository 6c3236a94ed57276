package dev.canarykit.examples;

/** Entry point of the {@code canarykit} command line (its commands arrive with their issues). */
public final class Main {
  private Main() {}

  /** Prints the usage. */
  public static void main(String[] args) {
    System.out.println("usage: canarykit <command> (commands arrive with their issues)");
  }
}
