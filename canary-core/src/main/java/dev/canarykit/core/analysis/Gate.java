package dev.canarykit.core.analysis;

/** The answer of a set of gate hooks. */
enum Gate {
  /** Every gate hook approved (or there is none). */
  APPROVED,
  /** A gate refused; the canary waits. */
  REFUSED,
  /** A gate kept refusing past {@code spec.gateTimeout}: roll back. */
  TIMED_OUT
}
