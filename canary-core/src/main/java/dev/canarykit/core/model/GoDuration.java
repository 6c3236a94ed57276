package dev.canarykit.core.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Go's duration syntax ({@code 500ms}, {@code 1m30s}, {@code 24h}, {@code 1.5s}), as Flagger parses intervals and
 * timeouts and prints durations in its event texts.
 */
public final class GoDuration {
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
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < rest.length()) {
      int start = i;
      while (i < rest.length() && (Character.isDigit(rest.charAt(i)) || rest.charAt(i) == '.')) {
        i++;
      }
      String number = rest.substring(start, i);
      int unitStart = i;
      while (i < rest.length() && !Character.isDigit(rest.charAt(i)) && rest.charAt(i) != '.') {
        i++;
      }
      Long unit = unitNanos(rest.substring(unitStart, i));
      if (unit == null || !validNumber(number)) {
        return Optional.empty();
      }
      nanos = nanos.add(new BigDecimal(number.endsWith(".") ? number + "0" : number).multiply(BigDecimal.valueOf(unit)));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty();
    }
    long n = nanos.longValue();
    return Optional.of(Duration.ofNanos(negative ? -n : n));
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

  /** Formats like Go's {@code time.Duration.String()}: {@code 800ms}, {@code 1.2s}, {@code 1m30s}, {@code 0s}. */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long u = Math.abs(nanos);
    if (u < 1_000_000_000L) {
      if (u < 1_000L) {
        return sign + u + "ns";
      }
      if (u < 1_000_000L) {
        return sign + fraction(u, 1_000L) + "µs";
      }
      return sign + fraction(u, 1_000_000L) + "ms";
    }
    StringBuilder out = new StringBuilder(sign);
    long hours = u / 3_600_000_000_000L;
    long minutes = u / 60_000_000_000L % 60;
    long secNanos = u % 60_000_000_000L;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(fraction(secNanos, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    BigDecimal v = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }

  /**
   * Formats a number as Go's {@code %v} does for a float64: shortest representation, no trailing {@code .0}
   * ({@code 99}, {@code 99.5}, {@code 1e+21}).
   */
  public static String formatNumber(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    int exponent = b.precision() - b.scale() - 1;
    if (exponent < -4 || exponent >= 21) {
      String digits = b.unscaledValue().abs().toString();
      String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      String exp = String.format(java.util.Locale.ROOT, "%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
      return (v < 0 ? "-" : "") + mantissa + "e" + exp;
    }
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }
}
