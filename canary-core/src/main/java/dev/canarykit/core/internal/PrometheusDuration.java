package dev.canarykit.core.internal;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus' duration syntax, as accepted in a range selector such as {@code rate(x[5m])}.
 *
 * <p>A duration is one or more {@code <integer><unit>} terms with units {@code y}, {@code w}, {@code d},
 * {@code h}, {@code m}, {@code s}, {@code ms}, each at most once and in that (decreasing) order, for example
 * {@code 1m}, {@code 30s}, {@code 1h30m} or {@code 500ms}; or the bare {@code 0}. Fractions ({@code 1.5m}),
 * a missing unit ({@code 1m30}) and Go-only units ({@code us}, {@code ns}) are rejected.
 */
public final class PrometheusDuration {
  private static final Pattern SYNTAX = Pattern.compile(
      "(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?");
  private static final long[] UNIT_MILLIS = {
    365L * 24 * 3_600_000, 7L * 24 * 3_600_000, 24L * 3_600_000, 3_600_000, 60_000, 1_000, 1
  };
  private static final BigInteger MAX_MILLIS = BigInteger.valueOf(Long.MAX_VALUE);

  private PrometheusDuration() {}

  /**
   * Whether {@code s} is a duration Prometheus parses.
   *
   * @param s the text, may be {@code null}
   * @return {@code false} for {@code null}, empty, malformed or overflowing (over {@code Long.MAX_VALUE} ms) input
   */
  public static boolean isValid(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    if (s.equals("0")) {
      return true;
    }
    Matcher m = SYNTAX.matcher(s);
    return m.matches() && totalMillis(m).compareTo(MAX_MILLIS) <= 0;
  }

  /**
   * Parses a duration Prometheus prints or accepts (for example a flag value such as {@code 15d}).
   *
   * @return the duration, or empty when {@link #isValid} rejects {@code s}
   */
  public static java.util.Optional<java.time.Duration> parse(String s) {
    if (!isValid(s)) {
      return java.util.Optional.empty();
    }
    if (s.equals("0")) {
      return java.util.Optional.of(java.time.Duration.ZERO);
    }
    Matcher m = SYNTAX.matcher(s);
    m.matches();
    return java.util.Optional.of(java.time.Duration.ofMillis(totalMillis(m).longValueExact()));
  }

  private static BigInteger totalMillis(Matcher m) {
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      String n = m.group(i + 1);
      if (n != null) {
        total = total.add(new BigInteger(n).multiply(BigInteger.valueOf(UNIT_MILLIS[i])));
      }
    }
    return total;
  }
}
