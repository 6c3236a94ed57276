package dev.canarykit.core.simulation;

import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.model.Canary;

/** The decision policies the simulator compares on the same Canary. */
public enum Policy {
  /** The Canary as written: Flagger's absolute thresholds and failed-checks threshold. */
  FLAGGER("flagger"),
  /**
   * The same Canary with the statistical judge on: the Canary's own judge when it has one (its annotations), else
   * the defaults ({@link JudgeConfig#forCanary}).
   */
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
    JudgeConfig own = canary.spec().judge();
    JudgeConfig judge = this == FLAGGER ? null : own != null ? own : JudgeConfig.forCanary(canary.spec());
    return new Canary(canary.name(), canary.namespace(), canary.spec().toBuilder().judge(judge).build());
  }
}
