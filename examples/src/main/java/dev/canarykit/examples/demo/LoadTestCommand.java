package dev.canarykit.examples.demo;

import dev.canarykit.core.internal.GoDuration;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two commands of the seed the demo's load tester understands; it never runs a shell.
 *
 * <ul>
 *   <li>{@code curl -sd '<body>' <url> | grep <word>}: POST the body to the URL, pass when the answer contains the
 *       word.
 *   <li>{@code hey -z <duration> -q <rate per worker> -c <workers> <url>}: that load against the URL.
 * </ul>
 */
sealed interface LoadTestCommand {

  /**
   * The POST-and-grep acceptance test.
   *
   * @param body the request body
   * @param url the address
   * @param word what the answer must contain
   */
  record Curl(String body, String url, String word) implements LoadTestCommand {}

  /**
   * A hey load test.
   *
   * @param duration how long
   * @param ratePerWorker requests per second of each worker (0: unlimited, as hey)
   * @param workers concurrent workers
   * @param url the address
   */
  record Hey(Duration duration, double ratePerWorker, int workers, String url) implements LoadTestCommand {}

  /** Parses {@code cmd}; empty when it is neither of the two commands. */
  static Optional<LoadTestCommand> parse(String cmd) {
    String c = cmd.trim();
    Matcher curl = Pattern.compile("curl -sd '([^']*)' (\\S+) \\| grep (\\S+)").matcher(c);
    if (curl.matches()) {
      return Optional.of(new Curl(curl.group(1), curl.group(2), curl.group(3)));
    }
    Matcher hey = Pattern.compile("hey((?:\\s+-[zqc]\\s+\\S+)*)\\s+(https?://\\S+)").matcher(c);
    return hey.matches() ? hey(hey.group(1), hey.group(2)) : Optional.empty();
  }

  private static Optional<LoadTestCommand> hey(String options, String url) {
    Duration z = null;
    double q = 0;
    int workers = 50;
    Matcher o = Pattern.compile("-([zqc])\\s+(\\S+)").matcher(options);
    try {
      while (o.find()) {
        switch (o.group(1)) {
          case "z" -> z = GoDuration.parse(o.group(2)).orElse(null);
          case "q" -> q = Double.parseDouble(o.group(2));
          default -> workers = Integer.parseInt(o.group(2));
        }
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return z == null || workers < 1 || q < 0 ? Optional.empty() : Optional.of(new Hey(z, q, workers, url));
  }
}
