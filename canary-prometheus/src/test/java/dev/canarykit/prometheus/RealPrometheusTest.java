package dev.canarykit.prometheus;

import static dev.canarykit.prometheus.Canaries.inline;
import static dev.canarykit.prometheus.Canaries.podinfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricValue;
import dev.canarykit.core.analysis.Outcome.NoData;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.core.model.MetricTemplate.MetricProvider;
import dev.canarykit.core.port.MetricTemplateLookup;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Built-in, template and in-line queries against a real Prometheus scraping {@link IstioExporter}. Values are
 * compared with what the exporter's rates imply, within 2 % (scrape timing jitter).
 */
class RealPrometheusTest {
  private static PrometheusServer prometheus;
  private static PrometheusMetricSource source;
  private static String address;

  @BeforeAll
  static void start() throws IOException {
    prometheus = PrometheusServer.start();
    address = prometheus.address().toString();
    MetricTemplate primaryRate = new MetricTemplate("primary-rate", "test", MetricProvider.prometheus(address),
        "sum(rate(istio_requests_total{destination_workload_namespace=\"{{ namespace }}\",\n"
        + "  destination_workload=\"{{ target }}-primary\",response_code=\"{{ variables.code }}\"}[{{ interval }}]))");
    source = PrometheusMetricSource.builder(URI.create("http://127.0.0.1:1"))
        .templates(MetricTemplateLookup.of(List.of(primaryRate))).build();
    Awaitility.await("first non-empty rate").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> source.query(podinfo(address), Canaries.SUCCESS_RATE) instanceof MetricValue);
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private static Outcome.MetricResult query(MetricSpec metric) {
    return source.query(podinfo(address, metric), metric);
  }

  private static double value(MetricSpec metric) {
    Outcome.MetricResult r = query(metric);
    assertThat(r).isInstanceOf(MetricValue.class);
    return ((MetricValue) r).value();
  }

  @Test
  void builtinSuccessRateIsTheCanarysShareOfNon5xx() {
    assertThat(value(Canaries.SUCCESS_RATE)).isCloseTo(99.0, within(0.2));
  }

  @Test
  void builtinDurationIsTheCanarysP99InMilliseconds() {
    assertThat(value(Canaries.DURATION)).isCloseTo(235.0, within(4.7));
  }

  @Test
  void templateRendersTargetPrimaryVariablesAndDefaultInterval() {
    MetricSpec ok = Canaries.template("primary-200", "primary-rate", Map.of("code", "200"));
    assertThat(source.plan(podinfo(address, ok), ok).query()).contains("sum(rate(istio_requests_total{"
        + "destination_workload_namespace=\"test\", destination_workload=\"podinfo-primary\",response_code=\"200\"}"
        + "[1m]))");
    MetricSpec windowed = ok.withInterval("5s");
    eventually(() -> assertThat(value(windowed)).isCloseTo(20.0, within(0.4)));
    MetricSpec errors = Canaries.template("primary-500", "primary-rate", Map.of("code", "500"));
    assertThat(query(errors)).isEqualTo(new NoData("no values found"));
  }

  /** Absolute rates are exact once the window is full of samples (a few seconds after start): poll until then. */
  private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(assertion);
  }

  @Test
  void anEmptySelectorGivesNoData() {
    var absent = Canaries.canary("absent", "test", address, Canaries.SUCCESS_RATE);
    assertThat(source.query(absent, Canaries.SUCCESS_RATE)).isEqualTo(new NoData("no values found"));
    assertThat(source.query(absent, Canaries.DURATION)).isEqualTo(new NoData("no values found"));
  }

  @Test
  void nanIsNoDataInfinityIsReturnedAsItCameAndScalarsAreErrors() {
    assertThat(query(inline("nan", "vector(0) / 0"))).isEqualTo(new NoData("no values found"));
    assertThat(query(inline("inf", "vector(1) / 0"))).isEqualTo(new MetricValue(Double.POSITIVE_INFINITY));
    assertThat(query(inline("minus-inf", "vector(-1) / 0"))).isEqualTo(new MetricValue(Double.NEGATIVE_INFINITY));
    assertThat(((MetricError) query(inline("scalar-nan", "0 / 0"))).message()).startsWith("query returned a scalar;");
    assertThat(((MetricError) query(inline("scalar", "1"))).message()).startsWith("query returned a scalar;");
  }

  @Test
  void severalSeriesAreAnErrorSayingHowMany() {
    Outcome.MetricResult r = query(inline("many", "rate(istio_requests_total[1m])"));
    assertThat(r).isInstanceOf(MetricError.class);
    assertThat(((MetricError) r).message()).contains("3 series");
  }

  @Test
  void matrixAndStringResultsAreErrors() {
    assertThat(((MetricError) query(inline("m", "istio_requests_total[1m]"))).message()).contains("matrix");
    assertThat(((MetricError) query(inline("s", "\"hello\""))).message()).contains("string");
  }

  @Test
  void aBadQueryIsAnErrorWithPrometheusErrorType() {
    MetricError e = (MetricError) query(inline("bad", "sum(rate(x[1m])"));
    assertThat(e.setup()).isFalse();
    assertThat(e.message()).startsWith("error response: Status 400 Bad Request: bad_data: ");
  }

  @Test
  void longQueriesArePostedFormEncoded() {
    String longQuery = "vector(1)" + " + vector(0)".repeat(300);
    assertThat(longQuery.length()).isGreaterThan(PrometheusClient.DEFAULT_POST_THRESHOLD);
    assertThat(query(inline("long", longQuery))).isEqualTo(new MetricValue(1));
  }

  @Test
  void evaluationTimeIsSent() {
    PrometheusClient client = PrometheusClient.builder().build();
    Endpoint e = Endpoint.of(prometheus.address());
    String q = "sum(rate(istio_requests_total[10s]))";
    assertThat(client.instant(e, q, Instant.now().minusSeconds(3600))).isEqualTo(new NoData("no values found"));
    assertThat(client.instant(e, q, null)).isInstanceOf(MetricValue.class);
  }

  @Test
  void rangeQueriesReturnSeriesAtTheStep() {
    PrometheusClient client = PrometheusClient.builder().build();
    eventually(() -> {
      Instant end = Instant.now().minusSeconds(1);
      RangeResult r = client.range(Endpoint.of(prometheus.address()), new RangeQuery(
          "sum(rate(istio_requests_total{destination_workload=\"podinfo-primary\"}[5s]))", end.minusSeconds(2), end,
          Duration.ofSeconds(1)));
      assertThat(r).isInstanceOf(RangeResult.Matrix.class);
      List<RangeResult.Series> series = ((RangeResult.Matrix) r).series();
      assertThat(series).hasSize(1);
      assertThat(series.get(0).samples()).hasSize(3)
          .allSatisfy(s -> assertThat(s.value()).isCloseTo(20.0, within(0.4)));
      assertThat(series.get(0).samples().get(2).epochMillis()).isEqualTo(end.toEpochMilli());
    });
  }

  @Test
  void aRangeQueryErrorIsAValue() {
    PrometheusClient client = PrometheusClient.builder().build();
    RangeResult r = client.range(Endpoint.of(prometheus.address()),
        new RangeQuery("sum(", Instant.now().minusSeconds(5), Instant.now(), Duration.ofSeconds(1)));
    assertThat(r).isInstanceOf(RangeResult.Error.class);
    assertThat(((RangeResult.Error) r).message()).contains("bad_data");
  }

  @Test
  void theAddressPathIsKept() {
    String wrongPrefix = address + "/not-prometheus";
    MetricError e = (MetricError) source.query(podinfo(wrongPrefix), Canaries.SUCCESS_RATE);
    assertThat(e.message()).startsWith("error response: Status 404 Not Found");
    assertThat(source.query(podinfo(address + "/"), Canaries.SUCCESS_RATE)).isInstanceOf(MetricValue.class);
  }

  @Test
  void theProbeAsksEveryProviderForVectorOne() {
    MetricSpec template = Canaries.template("primary-200", "primary-rate", Map.of("code", "200"));
    assertThat(source.probe(podinfo(address, Canaries.SUCCESS_RATE, template))).isEqualTo(Outcome.OK);
    Outcome down = source.probe(podinfo("http://127.0.0.1:1", Canaries.SUCCESS_RATE));
    assertThat(down).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) down).message()).startsWith("prometheus not available: running query failed: ");
  }
}
