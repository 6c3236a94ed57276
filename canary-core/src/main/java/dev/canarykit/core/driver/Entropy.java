package dev.canarykit.core.driver;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.Supplier;

/** Suppliers of the random letters a tick may need ({@link dev.canarykit.core.analysis.TickInput#entropy()}). */
final class Entropy {
  /** Letters per tick. */
  static final int LENGTH = 32;

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private Entropy() {}

  /** Letters from a {@link SecureRandom}: the driver's default. */
  static Supplier<String> secure() {
    return letters(new SecureRandom());
  }

  /** Repeatable letters from a seeded {@link Random}, for tests and simulations. */
  static Supplier<String> seeded(long seed) {
    return letters(new Random(seed));
  }

  private static Supplier<String> letters(Random random) {
    return () -> {
      StringBuilder out = new StringBuilder(LENGTH);
      for (int i = 0; i < LENGTH; i++) {
        out.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
      }
      return out.toString();
    };
  }
}
