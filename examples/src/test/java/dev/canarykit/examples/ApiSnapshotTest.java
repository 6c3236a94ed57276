package dev.canarykit.examples;

import dev.canarykit.core.internal.api.ApiSnapshot;
import org.junit.jupiter.api.Test;

/** examples' public API is the committed {@code examples/api/examples.api} (docs/api.md). */
class ApiSnapshotTest {

  @Test
  void publicApiMatchesTheCommittedListing() {
    ApiSnapshot.check("examples", Main.class);
  }
}
