package dev.canarykit.core.testing;

import java.util.Optional;

/** A budget of injected failures: the next {@code n} calls fail with a message. Not thread-safe by itself. */
final class Failures {
  /** The message used when none is given. */
  static final String DEFAULT_MESSAGE = "injected failure";

  private int remaining;
  private String message = DEFAULT_MESSAGE;

  void failNext(int n, String msg) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, but was " + n);
    }
    remaining = n;
    message = msg;
  }

  /** The failure message if this call should fail, consuming one failure. */
  Optional<String> take() {
    if (remaining == 0) {
      return Optional.empty();
    }
    remaining--;
    return Optional.of(message);
  }
}
