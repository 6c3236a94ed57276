package dev.canarykit.examples.demo;

/** How podinfo 3.1.1 behaves in the demo; 3.1.0 is always healthy. */
enum Scenario {
  /** 3.1.1 is as healthy as 3.1.0: the release is promoted. */
  GOOD,
  /** Every 3.1.1 request takes 600 to 900 ms: the P99 check fails and the release is rolled back. */
  SLOW,
  /** 5% of 3.1.1 requests answer HTTP 500: the success-rate check fails and the release is rolled back. */
  ERRORS;

  /** Whether this scenario's release should be promoted. */
  public boolean promotes() {
    return this == GOOD;
  }

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
