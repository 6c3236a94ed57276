package dev.canarykit.core.internal.api;

import dev.canarykit.core.model.Canary;
import org.junit.jupiter.api.Test;

/** canary-core's public API is the committed {@code canary-core/api/canary-core.api} (docs/api.md). */
class ApiSnapshotTest {

  @Test
  void publicApiMatchesTheCommittedListing() {
    ApiSnapshot.check("canary-core", Canary.class);
  }
}
