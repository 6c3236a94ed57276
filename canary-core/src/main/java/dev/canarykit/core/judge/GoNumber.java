package dev.canarykit.core.judge;

/** Short number texts for test names (500 rather than 500.0). */
final class GoNumber {
  private GoNumber() {}

  static String of(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
