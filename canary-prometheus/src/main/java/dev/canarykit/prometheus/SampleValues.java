package dev.canarykit.prometheus;

import java.util.OptionalDouble;

/** Prometheus' sample value strings: decimals, {@code NaN}, {@code +Inf}, {@code -Inf}. */
final class SampleValues {
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

  private SampleValues() {}

  /** The value, or empty when the text is not a number. */
  static OptionalDouble parse(String text) {
    switch (text) {
      case "+Inf":
      case "Inf":
        return OptionalDouble.of(Double.POSITIVE_INFINITY);
      case "-Inf":
        return OptionalDouble.of(Double.NEGATIVE_INFINITY);
      case "NaN":
        return OptionalDouble.of(Double.NaN);
      default:
        return decimal(text);
    }
  }

  private static OptionalDouble decimal(String text) {
    if (text.length() > 64 || !DECIMAL.matcher(text).matches()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Double.parseDouble(text));
  }
}
