package dev.canarykit.examples.cli;

import dev.canarykit.prometheus.FixedServer;
import dev.canarykit.prometheus.IstioExporter;
import dev.canarykit.prometheus.PrometheusServer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code canarykit check} against answers no healthy Prometheus gives (a fixed-response server) and against no
 * Prometheus at all: each is an {@code ERROR} line followed by the query, and exit 1.
 */
class CheckErrorResponsesTest {
  static final String CANARY = CheckYaml.podinfo("- {name: one, query: \"vector(1)\", thresholdRange: {min: 0}}");

  private static CliRun check(FixedServer.Response response) throws Exception {
    try (FixedServer s = new FixedServer(response)) {
      CliRun r = CliRun.run("check", "--canary", CliRun.tempFile(CANARY), "--prometheus", s.address().toString());
      assertThat(s.requests()).isNotEmpty().allSatisfy(q -> {
        assertThat(q.uri().getPath()).isEqualTo("/api/v1/query");
        assertThat(q.uri().getQuery()).isEqualTo("query=vector(1)");
      });
      assertThat(r.out()).hasSize(3);
      assertThat(r.out().get(0)).isEqualTo("CANARY test/podinfo");
      assertThat(r.out().get(2)).isEqualTo("  query: vector(1)");
      assertThat(r.code()).isEqualTo(1);
      return r;
    }
  }

  private static String verdict(FixedServer.Response response) throws Exception {
    return check(response).out().get(1);
  }

  @Test
  void anHtmlPageSaysTheAddressIsProbablyWrong() throws Exception {
    var page = new FixedServer.Response(200, "text/html",
        "<html>\n<body>Grafana login</body>\n</html>".getBytes(StandardCharsets.UTF_8));
    assertThat(verdict(page)).startsWith("ERROR one response is HTML or XML, not Prometheus JSON (is the address "
        + "right?): <html> <body>Grafana login");
  }

  @Test
  void anHttpErrorShowsItsStatusAndAnExcerptOnOneLine() throws Exception {
    assertThat(verdict(FixedServer.Response.json(403, "denied\nby\nproxy")))
        .isEqualTo("ERROR one error response: Status 403 Forbidden: denied by proxy");
  }

  @Test
  void aPrometheusErrorShowsItsType() throws Exception {
    assertThat(verdict(FixedServer.Response.json(200,
        "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}")))
        .isEqualTo("ERROR one Prometheus error: timeout: query timed out");
  }

  @Test
  void notJsonIsAnError() throws Exception {
    assertThat(verdict(FixedServer.Response.json(200, "OK"))).startsWith("ERROR one response is not valid JSON (");
  }

  @Test
  void anUnreachablePrometheusIsAnErrorForEveryMetricNotABreakerOpening() throws Exception {
    String address;
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, FixedServer.vector("1")))) {
      address = s.address().toString();
    }
    String metrics = "- {name: one, query: \"vector(1)\", thresholdRange: {min: 0}}\n".repeat(6);
    CliRun r = CliRun.run("check", "--canary", CliRun.tempFile(CheckYaml.podinfo(metrics)), "--prometheus", address);
    assertThat(r.out()).hasSize(13);
    assertThat(r.out().subList(1, 13)).filteredOn(l -> l.startsWith("ERROR one ")).hasSize(6)
        .noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("circuit") || l.contains("breaker"));
    assertThat(r.code()).isEqualTo(1);
  }
}
