package dev.canarykit.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Builds and runs the {@code canarykit} command line.
 *
 * <pre>{@code
 * int code = Cli.run(new String[] {"validate", "canary.yaml"}, out, err);
 * }</pre>
 *
 * <p>Exit codes: {@value #OK} all valid, {@value #INVALID} something invalid, {@value #ERROR} a file could not be
 * read or parsed, or a usage error. A new subcommand is one more class in {@link CanarykitCommand}'s
 * {@code subcommands}.
 */
public final class Cli {
  /** Everything checked is valid. */
  public static final int OK = 0;
  /** Something is invalid. */
  public static final int INVALID = 1;
  /** A file could not be read or parsed, or the command line was wrong. */
  public static final int ERROR = 2;

  private Cli() {}

  /** Runs with the process's standard output and error (UTF-8). */
  public static int run(String[] args) {
    return run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8));
  }

  /** Runs with {@code out} and {@code err}, which are flushed but not closed. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The configured command line writing to {@code out} and {@code err}. An exception no command handled (a bug) is
   * one {@code ERROR} line and exit {@value #ERROR}, never a stack trace.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return new CommandLine(new CanarykitCommand()).setOut(out).setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("ERROR " + cmd.getCommandName() + " failed: " + e);
          return ERROR;
        });
  }
}
