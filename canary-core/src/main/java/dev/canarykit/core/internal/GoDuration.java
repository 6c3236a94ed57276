package dev.canarykit.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Go's duration syntax ({@code 500ms}, {@code 1m30s}, {@code 24h}, {@code 1.5s}), as Flagger parses intervals and
 * timeouts and prints durations in its event texts.
 */
public final class GoDuration {
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  /**
   * Parses a Go duration. Units: ns, us, µs, ms, s, m, h; a bare {@code 0} is zero.
   *
   * @return the duration, or empty for {@code null}, blank or malformed input
   */
  public static Optional<Duration> parse(String s) {
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    String rest = s;
    boolean negative = false;
    if (rest.charAt(0) == '-' || rest.charAt(0) == '+') {
      negative = rest.charAt(0) == '-';
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    if (rest.isEmpty()) {
      return Optional.empty();
    }
    BigInteger nanos = BigInteger.ZERO;
    int i = 0;
    while (i < rest.length()) {
      int start = i;
      while (i < rest.length() && isNumberChar(rest.charAt(i))) {
        i++;
      }
      String number = rest.substring(start, i);
      int unitStart = i;
      while (i < rest.length() && !isNumberChar(rest.charAt(i))) {
        i++;
      }
      Long unit = unitNanos(rest.substring(unitStart, i));
      if (unit == null || !validNumber(number)) {
        return Optional.empty();
      }
      nanos = nanos.add(termNanos(number, unit));
    }
    BigInteger limit = negative ? MAX_NANOS.add(BigInteger.ONE) : MAX_NANOS;
    if (nanos.compareTo(limit) > 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos((negative ? nanos.negate() : nanos).longValueExact()));
  }

  /** One {@code <number><unit>} term in nanoseconds; like Go, a fraction's sub-nanosecond part is dropped. */
  private static BigInteger termNanos(String number, long unit) {
    int dot = number.indexOf('.');
    String whole = dot < 0 ? number : number.substring(0, dot);
    String fraction = dot < 0 ? "" : number.substring(dot + 1);
    BigInteger u = BigInteger.valueOf(unit);
    BigInteger w = whole.isEmpty() ? BigInteger.ZERO : new BigInteger(whole).multiply(u);
    if (fraction.isEmpty()) {
      return w;
    }
    return w.add(new BigInteger(fraction).multiply(u).divide(BigInteger.TEN.pow(fraction.length())));
  }

  private static boolean isNumberChar(char c) {
    return c >= '0' && c <= '9' || c == '.';
  }

  /** Whether {@code s} is a valid Go duration. */
  public static boolean isValid(String s) {
    return parse(s).isPresent();
  }

  private static boolean validNumber(String number) {
    if (number.isEmpty() || number.equals(".")) {
      return false;
    }
    return number.indexOf('.') == number.lastIndexOf('.');
  }

  private static Long unitNanos(String unit) {
    switch (unit) {
      case "ns": return 1L;
      case "us":
      case "µs":
      case "μs": return 1_000L;
      case "ms": return 1_000_000L;
      case "s": return 1_000_000_000L;
      case "m": return 60_000_000_000L;
      case "h": return 3_600_000_000_000L;
      default: return null;
    }
  }

  /**
   * Formats like Go's {@code time.Duration.String()}: {@code 800ms}, {@code 1.2s}, {@code 1m30s}, {@code 1h0m0s},
   * {@code 0s}.
   *
   * @throws ArithmeticException if {@code d} does not fit in Go's range (about 292 years)
   */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long u = nanos < 0 ? -nanos : nanos; // unsigned: -Long.MIN_VALUE is 2^63
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      if (u < 1_000L) {
        return sign + u + "ns";
      }
      if (u < 1_000_000L) {
        return sign + fraction(u, 1_000L) + "µs";
      }
      return sign + fraction(u, 1_000_000L) + "ms";
    }
    StringBuilder out = new StringBuilder(sign);
    long hours = Long.divideUnsigned(u, 3_600_000_000_000L);
    long minutes = Long.divideUnsigned(u, 60_000_000_000L) % 60;
    long secNanos = Long.remainderUnsigned(u, 60_000_000_000L);
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(fraction(secNanos, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    BigDecimal v = new BigDecimal(Long.toUnsignedString(value)).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }

  /**
   * Formats a number as Go's {@code %v} does for a float64 ({@code strconv.FormatFloat(v, 'g', -1, 64)}): the
   * shortest digits that read back as {@code v}, no trailing {@code .0}, and an exponent when it is below -4 or
   * at least 6 ({@code 99}, {@code 99.5}, {@code 123456}, {@code 1e+06}, {@code 1.5e-05}, {@code -0}, {@code +Inf},
   * {@code NaN}).
   */
  public static String formatNumber(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    String sign = Double.doubleToRawLongBits(v) < 0 ? "-" : "";
    if (v == 0) {
      return sign + "0";
    }
    BigDecimal b = shortest(Math.abs(v));
    int exponent = b.precision() - b.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String digits = b.unscaledValue().toString();
      String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      String exp = String.format(Locale.ROOT, "%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
      return sign + mantissa + "e" + exp;
    }
    return sign + (b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString());
  }

  /** The decimal with the fewest significant digits that converts back to {@code v} (positive, finite). */
  private static BigDecimal shortest(double v) {
    BigDecimal exact = new BigDecimal(v);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == v) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}
