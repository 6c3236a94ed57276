package dev.canarykit.examples.demo;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * The demo's output: events flush left as {@code String.format("%-9s%s", type, message)}, every other line
 * indented by two spaces. Safe to call from any thread.
 */
final class DemoLog {
  private final PrintWriter out;

  /** Writes to {@code out}, which the caller owns. */
  public DemoLog(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out == null");
  }

  /** Prints an event line. */
  public synchronized void event(String type, String message) {
    out.println(String.format("%-9s%s", type, message));
    out.flush();
  }

  /** Prints {@code text}, each of its lines indented by two spaces. */
  public synchronized void info(String text) {
    for (String line : text.split("\n", -1)) {
      out.println(line.isEmpty() ? "" : "  " + line);
    }
    out.flush();
  }
}
