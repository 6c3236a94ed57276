package dev.canarykit.examples.scale;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The harness's output: one line per figure, {@code SCALE <name> <value> <whose>}, where {@code whose} says what
 * the figure includes: {@code controller} (the controller's JVM alone), {@code mock-server} (the mock API server's
 * JVM alone) or {@code controller+mock-server} (the controller's, including its waits on the mock server's answers).
 */
final class Report {
  static final String CONTROLLER = "controller";
  static final String MOCK_SERVER = "mock-server";
  static final String BOTH = "controller+mock-server";

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void figure(String name, Object value, String whose) {
    String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
    out.println("SCALE " + name + " " + text + " " + whose);
    out.flush();
  }
}
