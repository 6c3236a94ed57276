package dev.canarykit.examples.demo;

import dev.canarykit.examples.cli.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Test helper: the output of one demo run, and what the tests compare it with.
 *
 * @param code the exit code
 * @param out stdout lines
 */
record DemoRun(int code, List<String> out) {
  private static final Pattern EVENT = Pattern.compile("^(Normal|Warning) {2,}\\S.*");

  /** Runs {@code canarykit demo args...} in this JVM. */
  static DemoRun inProcess(String... args) {
    StringWriter out = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "demo";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Cli.run(all, new PrintWriter(out), new PrintWriter(System.err, true));
    return new DemoRun(code, Arrays.asList(out.toString().split("\\R")));
  }

  /** The event lines, flush left, in the order printed. */
  List<String> events() {
    return out.stream().filter(l -> EVENT.matcher(l).matches()).toList();
  }

  /** The lines of {@code expected-events-full.txt} (a copy of the seed's, in the test resources). */
  static List<String> expectedEventsFull() {
    try (InputStream in = DemoRun.class.getResourceAsStream("/seed/expected-events-full.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
