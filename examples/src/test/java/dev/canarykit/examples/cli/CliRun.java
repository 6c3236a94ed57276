package dev.canarykit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: runs the command line in-process and captures its exit code, stdout and stderr.
 *
 * @param code the exit code
 * @param out stdout lines
 * @param err stderr lines
 */
record CliRun(int code, List<String> out, List<String> err) {
  /** The directory holding the corpus on the test class path. */
  static final Path CORPUS = corpus();

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, lines(out.toString()), lines(err.toString()));
  }

  /** The absolute path of a corpus file, as a command-line argument. */
  static String corpus(String relative) {
    return CORPUS.resolve(relative).toString();
  }

  /** Stdout with the corpus directory stripped from file names. */
  List<String> outRelative() {
    return out.stream().map(l -> l.replace(CORPUS + "/", "")).toList();
  }

  /** Writes {@code text} to a fresh temporary file and returns its path. */
  static String tempFile(String text) {
    try {
      Path p = Files.createTempFile("canarykit-", ".yaml");
      Files.writeString(p, text);
      p.toFile().deleteOnExit();
      return p.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String s) {
    return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\R"));
  }

  private static Path corpus() {
    try {
      return Path.of(CliRun.class.getResource("/corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
