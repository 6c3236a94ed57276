package dev.canarykit.istio;

import dev.canarykit.core.internal.api.ApiSnapshot;

import org.junit.jupiter.api.Test;

/** canary-istio's public API is the committed {@code canary-istio/api/canary-istio.api} (docs/api.md). */
class ApiSnapshotTest {

  @Test
  void publicApiMatchesTheCommittedListing() {
    ApiSnapshot.check("canary-istio", IstioTrafficRouter.class);
  }
}
