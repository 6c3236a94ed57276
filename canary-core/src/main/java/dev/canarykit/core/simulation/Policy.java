package dev.canarykit.core.simulation;

import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.model.Canary;

/** The decision policies the simulator compares on the same Canary. */
public enum Policy {
  /** The Canary as written: Flagger's absolute thresholds and failed-checks threshold. */
  FLAGGER("flagger"),
  /** The same Canary with the statistical judge on at its defaults ({@link JudgeConfig#forCanary}). */
  STATISTICAL("statistical");

  private final String wireName;

  Policy(String wireName) {
    this.wireName = wireName;
  }

  /** The name used on the command line and in JSON. */
  public String wireName() {
    return wireName;
  }

  /** {@code canary} under this policy. */
  public Canary apply(Canary canary) {
    JudgeConfig judge = this == STATISTICAL ? JudgeConfig.forCanary(canary.spec()) : null;
    return new Canary(canary.name(), canary.namespace(), canary.spec().toBuilder().judge(judge).build());
  }
}
