package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionFlagsTest {

  @Test
  void theTimeRetentionComesFromTheFlagsWithPrometheusDefaults() {
    assertThat(RetentionCheck.retention(Map.of("storage.tsdb.retention.time", "30d"))).hasValue(Duration.ofDays(30));
    assertThat(RetentionCheck.retention(Map.of("storage.tsdb.retention.time", "0s", "storage.tsdb.retention", "6h")))
        .as("the deprecated flag").hasValue(Duration.ofHours(6));
    assertThat(RetentionCheck.retention(Map.of("storage.tsdb.retention.time", "0s", "storage.tsdb.retention", "0s",
        "storage.tsdb.retention.size", "0B"))).as("neither set: 15d").hasValue(Duration.ofDays(15));
    assertThat(RetentionCheck.retention(Map.of("storage.tsdb.retention.time", "0s",
        "storage.tsdb.retention.size", "10GB"))).as("a size retention alone: no time limit").isEmpty();
  }

  @Test
  void flagsAreRead() throws Exception {
    try (FixedServer server = new FixedServer(FixedServer.Response.json(200,
        "{\"status\":\"success\",\"data\":{\"storage.tsdb.retention.time\":\"30d\",\"x\":{\"y\":1}}}"))) {
      assertThat(PrometheusClient.builder().build().flags(Endpoint.of(server.address())).orElseThrow())
          .containsEntry("storage.tsdb.retention.time", "30d");
    }
  }

  @Test
  void flagsThatCannotBeReadAreEmpty() throws Exception {
    try (FixedServer server = new FixedServer(FixedServer.Response.json(404, "{\"status\":\"error\"}"))) {
      assertThat(PrometheusClient.builder().build().flags(Endpoint.of(server.address()))).isEmpty();
    }
  }
}
