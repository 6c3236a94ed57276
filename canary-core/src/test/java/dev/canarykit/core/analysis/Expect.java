package dev.canarykit.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Phase;

/** Assertions on the state after a tick: phase, router weights, status counters. */
final class Expect {
  private Expect() {}

  /** Phase, primary and canary weights as the router holds them, failedChecks and iterations. */
  static void state(World w, Phase phase, int primary, int canary, int failedChecks, int iterations) {
    assertThat(w.status.phase()).as("phase").isEqualTo(phase);
    assertThat(w.primaryWeight()).as("primary weight").isEqualTo(primary);
    assertThat(w.canaryWeight()).as("canary weight").isEqualTo(canary);
    assertThat(w.status.failedChecks()).as("failedChecks").isEqualTo(failedChecks);
    assertThat(w.status.iterations()).as("iterations").isEqualTo(iterations);
    assertThat(w.primaryWeight() + w.canaryWeight()).as("weights sum").isEqualTo(100);
  }

  /** The decisive commands of the last tick, in order ({@link World#actions()}). */
  static void actions(World w, String... expected) {
    assertThat(w.actions()).as("commands of the tick").containsExactly(expected);
  }

  /** The status' canaryWeight field. */
  static void statusWeight(World w, int weight) {
    assertThat(w.status.canaryWeight()).as("status.canaryWeight").isEqualTo(weight);
  }

  /** Initializes the world and starts a run of revision {@code rev2}; returns it at Progressing/0. */
  static World started(World w) {
    w.tick();
    assertThat(w.status.phase()).isEqualTo(Phase.INITIALIZED);
    w.targetHash = "rev2";
    w.tick();
    assertThat(w.status.phase()).isEqualTo(Phase.PROGRESSING);
    return w;
  }
}
