package dev.canarykit.k8s;

import dev.canarykit.core.internal.api.ApiSnapshot;
import dev.canarykit.k8s.controller.CanaryController;
import org.junit.jupiter.api.Test;

/** canary-k8s's public API is the committed {@code canary-k8s/api/canary-k8s.api} (docs/api.md). */
class ApiSnapshotTest {

  @Test
  void publicApiMatchesTheCommittedListing() {
    ApiSnapshot.check("canary-k8s", CanaryController.class);
  }
}
