package dev.canarykit.prometheus;

import dev.canarykit.core.internal.api.ApiSnapshot;

import org.junit.jupiter.api.Test;

/** canary-prometheus's public API is the committed {@code canary-prometheus/api/canary-prometheus.api} (docs/api.md). */
class ApiSnapshotTest {

  @Test
  void publicApiMatchesTheCommittedListing() {
    ApiSnapshot.check("canary-prometheus", PrometheusMetricSource.class);
  }
}
