package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricValue;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.core.model.MetricTemplate.MetricProvider;
import dev.canarykit.core.port.MetricTemplateLookup;
import dev.canarykit.core.port.SecretResolver.SecretLookup;
import dev.canarykit.core.testing.InMemorySecretResolver;
import io.github.resilience4j.core.IntervalFunction;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template metrics: lookup, provider, secrets, headers and the exact setup-error texts; a recording server. */
class TemplateProviderTest {
  private static final String QUERY = "sum(up{job=\"{{ variables.job }}\"})";
  private final InMemorySecretResolver secrets = new InMemorySecretResolver();
  private final PrometheusClient client = PrometheusClient.builder()
      .resilience(ResilienceSettings.ofDefaults().withBackoff(IntervalFunction.of(1))).build();

  private PrometheusMetricSource source(MetricTemplate... templates) {
    return PrometheusMetricSource.builder(URI.create("http://127.0.0.1:1")).client(client).secrets(secrets)
        .templates(MetricTemplateLookup.of(List.of(templates))).build();
  }

  private static MetricTemplate template(FixedServer s, String secretRef, Map<String, List<String>> headers) {
    return new MetricTemplate("up", "test", new MetricProvider("prometheus", s.address() + "/prom", secretRef,
        headers, null, false), QUERY);
  }

  private static final MetricSpec METRIC = Canaries.template("up", "up", Map.of("job", "podinfo"));

  private static Outcome.MetricResult run(PrometheusMetricSource source) {
    return source.query(Canaries.podinfo(null, METRIC), METRIC);
  }

  @Test
  void bearerTokenHeadersAndBasePathAreSentPerRequest() throws Exception {
    secrets.put("test", "prom-auth", Map.of("token", "s3cr3t-token"));
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, FixedServer.vector("3")))) {
      var source = source(template(s, "prom-auth", Map.of("X-Scope-OrgID", List.of("tenant-a"))));
      assertThat(run(source)).isEqualTo(new MetricValue(3));
      assertThat(run(source)).isEqualTo(new MetricValue(3));
      assertThat(s.requests()).hasSize(2).allSatisfy(r -> {
        assertThat(r.uri().getPath()).isEqualTo("/prom/api/v1/query");
        assertThat(r.uri().getQuery()).isEqualTo("query=sum(up{job=\"podinfo\"})");
        assertThat(r.headers().get("Authorization")).containsExactly("Bearer s3cr3t-token");
        assertThat(r.headers().get("X-scope-orgid")).containsExactly("tenant-a");
      });
    }
  }

  @Test
  void aLookupThatThrowsIsAFailedCheckCountedAsUnexpected() {
    PrometheusClient own = PrometheusClient.builder().build();
    var source = PrometheusMetricSource.builder(URI.create("http://127.0.0.1:1")).client(own).secrets(secrets)
        .templates((namespace, name) -> {
          throw new IllegalStateException("lookup bug");
        }).build();
    assertThat(run(source)).isEqualTo(new MetricError("cannot plan metric up: IllegalStateException", false));
    assertThat(run(source)).isInstanceOf(MetricError.class);
    assertThat(own.unexpectedFailures()).isEqualTo(2);
  }

  @Test
  void basicAuth() throws Exception {
    secrets.put("test", "prom-auth", Map.of("username", "alice", "password", "pw"));
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, FixedServer.vector("1")))) {
      assertThat(run(source(template(s, "prom-auth", Map.of())))).isEqualTo(new MetricValue(1));
      assertThat(s.requests().get(0).headers().get("Authorization")).containsExactly("Basic YWxpY2U6cHc=");
    }
  }

  @Test
  void credentialsNeverAppearInErrors() throws Exception {
    secrets.put("test", "prom-auth", Map.of("token", "s3cr3t-token"));
    try (FixedServer s = new FixedServer(FixedServer.Response.json(401, "bad token s3cr3t-token"))) {
      MetricError e = (MetricError) run(source(template(s, "prom-auth", Map.of())));
      assertThat(e.message()).isEqualTo("error response: Status 401 Unauthorized: bad token ***");
    }
  }

  @Test
  void setupErrorsAreCompleteFlaggerTexts() throws Exception {
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, FixedServer.vector("1")))) {
      assertThat(run(source())).isEqualTo(new MetricError(
          "Metric template up.test error: metrictemplate \"up\" not found", true));
      assertThat(run(source(template(s, "missing", Map.of())))).isEqualTo(new MetricError(
          "Metric template up.test secret missing error: secrets \"missing\" not found", true));
      secrets.put("test", "empty", Map.of("user", "x"));
      assertThat(run(source(template(s, "empty", Map.of())))).isEqualTo(new MetricError(
          "Metric template up.test provider prometheus error: secret empty has neither a token nor a username and "
              + "password", true));
      MetricTemplate datadog = new MetricTemplate("up", "test", new MetricProvider("datadog", null, null, null, null,
          false), QUERY);
      assertThat(run(source(datadog))).isEqualTo(new MetricError("Metric template up.test provider datadog error: "
          + "provider type datadog is not supported by the Prometheus metric source", true));
      MetricTemplate badAddress = new MetricTemplate("up", "test", MetricProvider.prometheus("ftp://x"), QUERY);
      assertThat(run(source(badAddress))).isEqualTo(new MetricError("Metric template up.test provider prometheus "
          + "error: prometheus address \"ftp://x\" is not a valid URL", true));
      MetricTemplate broken = new MetricTemplate("up", "test", MetricProvider.prometheus(s.address().toString()),
          "sum(up{job=\"{{ variables.nope }}\"})");
      assertThat(run(source(broken))).isEqualTo(new MetricError("Metric template up.test query render error: "
          + "map has no entry for key \"nope\" (variables.nope is not in templateVariables)", true));
      assertThat(s.requests()).isEmpty();
    }
  }

  @Test
  void aFailingSecretResolverIsASecretError() {
    var source = PrometheusMetricSource.builder(URI.create("http://127.0.0.1:1")).client(client)
        .secrets((ns, name) -> new SecretLookup.Failed("forbidden"))
        .templates(MetricTemplateLookup.of(List.of(new MetricTemplate("up", "test",
            new MetricProvider("prometheus", "http://127.0.0.1:1", "s", null, null, false), QUERY)))).build();
    assertThat(run(source)).isEqualTo(new MetricError("Metric template up.test secret s error: forbidden", true));
  }

  @Test
  void aCraftedVariableIsATypedErrorAndNothingIsSent() throws Exception {
    try (FixedServer s = new FixedServer(FixedServer.Response.json(200, FixedServer.vector("1")))) {
      var source = source(template(s, null, Map.of()));
      MetricSpec crafted = Canaries.template("up", "up", Map.of("job", "x\"} or vector(100) #"));
      QueryPlan plan = source.plan(Canaries.podinfo(null, crafted), crafted);
      assertThat(plan).isInstanceOf(QueryPlan.Failed.class);
      assertThat(((QueryPlan.Failed) plan).reason()).isEqualTo(QueryPlan.Reason.UNSAFE_VALUE);
      assertThat(((QueryPlan.Failed) plan).error().message()).isEqualTo("Metric template up.test query render error: "
          + "unsafe value for variables.job: \"x\\\"} or vector(100) #\" contains a quote, backslash, brace or "
          + "control character");
      assertThat(s.requests()).isEmpty();
    }
  }

  @Test
  void theProbeNamesTheTemplateAndLowercasesSetupErrors() {
    Outcome o = source().probe(Canaries.podinfo(null, METRIC));
    assertThat(o).isEqualTo(new Outcome.Failed("metric template up.test error: metrictemplate \"up\" not found"));
  }

  @Test
  void credentialsAndEndpointsNeverPrintSecrets() {
    Endpoint e = new Endpoint(URI.create("http://p"), Map.of("X-Key", List.of("hidden-value")),
        new Credentials.Basic("alice", "pw-123"), false);
    assertThat(e.toString()).doesNotContain("alice", "pw-123", "hidden-value");
    assertThat(new Credentials.Bearer("tok-456").toString()).doesNotContain("tok-456");
  }
}
