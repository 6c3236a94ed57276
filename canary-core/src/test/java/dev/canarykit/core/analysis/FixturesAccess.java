package dev.canarykit.core.analysis;

import dev.canarykit.core.model.CanarySpec;

/** Lets tests in other packages use the seed fixture. */
public final class FixturesAccess {
  private FixturesAccess() {}

  public static CanarySpec seedSpec() {
    return Fixtures.seedSpec();
  }
}
