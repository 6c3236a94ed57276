package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.MetricTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTemplateAndAlertProviderTest {
  static final String TEMPLATE = """
      apiVersion: flagger.app/v1beta1
      kind: MetricTemplate
      metadata: {name: not-found-percentage, namespace: istio-system}
      spec:
        provider:
          type: prometheus
          address: http://prometheus.istio-system:9090
          secretRef: {name: prom-auth}
          headers: {X-Scope-OrgID: [tenant-1]}
          insecureSkipVerify: true
        query: |
          100 - sum(rate(istio_requests_total{destination_workload="{{ target }}",response_code!="404"}[{{ interval }}]))
      """;
  static final String PROVIDER = """
      apiVersion: flagger.app/v1beta1
      kind: AlertProvider
      metadata: {name: on-call, namespace: flagger}
      spec:
        type: slack
        channel: on-call-alerts
        username: flagger
        secretRef: {name: on-call-url}
      """;

  static List<String> lines(DocumentCheck c) {
    return c.violations().stream().map(v -> v.path() + ": " + v.message()).toList();
  }

  @Test
  void aFlaggerTemplateIsValidAndMapsEveryField() {
    DocumentCheck c = Yaml.check(TEMPLATE);
    assertThat(c.valid()).isTrue();
    assertThat(c.warnings()).isEmpty();
    var resource = new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
        .unmarshal(TEMPLATE, dev.canarykit.k8s.resource.MetricTemplateResource.class);
    MetricTemplate t = MetricTemplateMapping.toCore(resource);
    assertThat(t.namespace()).isEqualTo("istio-system");
    assertThat(t.provider().secretRef()).isEqualTo("prom-auth");
    assertThat(t.provider().headers()).containsEntry("X-Scope-OrgID", List.of("tenant-1"));
    assertThat(t.provider().insecureSkipVerify()).isTrue();
    assertThat(t.query()).contains("{{ interval }}");
  }

  @Test
  void templateRules() {
    assertThat(lines(Yaml.check(TEMPLATE.replaceAll("(?s)  query: \\|.*", ""))))
        .containsExactly("spec.query: is required");
    assertThat(lines(Yaml.check(TEMPLATE.replace("type: prometheus", "type: graphana"))))
        .containsExactly("spec.provider.type: must be one of: prometheus, influxdb, datadog, externalmetrics,"
            + " stackdriver, cloudwatch, newrelic, graphite, dynatrace, keptn, splunk");
    assertThat(lines(Yaml.check(TEMPLATE.replace("http://prometheus.istio-system:9090", "prometheus:9090"))))
        .containsExactly("spec.provider.address: must be an absolute http(s) URL");
    assertThat(lines(Yaml.check(TEMPLATE.replace("{name: prom-auth}", "{}"))))
        .containsExactly("spec.provider.secretRef.name: is required");
    assertThat(lines(Yaml.check(TEMPLATE.replace("name: not-found-percentage", "name: Not_Valid"))))
        .containsExactly("metadata.name: must be a Kubernetes name (RFC 1123 subdomain)");
  }

  @Test
  void aTemplateWithoutAddressUsesTheDefaultServerButFlaggersSchemaRequiresTheType() {
    String minimal = "apiVersion: flagger.app/v1beta1\nkind: MetricTemplate\nmetadata: {name: m}\n"
        + "spec: {provider: {type: prometheus}, query: vector(1)}\n";
    assertThat(Yaml.check(minimal).valid()).isTrue();
    assertThat(lines(Yaml.check(minimal.replace("{type: prometheus}", "{}"))))
        .containsExactly("spec.provider.type: is required");
    assertThat(lines(Yaml.check(minimal.replace("spec: {provider: {type: prometheus}, query: vector(1)}\n", ""))))
        .containsExactly("spec: is required");
  }

  @Test
  void aFlaggerAlertProviderIsValid() {
    DocumentCheck c = Yaml.check(PROVIDER);
    assertThat(c.valid()).isTrue();
    AlertProvider p = AlertProvider.of(new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
        .unmarshal(PROVIDER, dev.canarykit.k8s.resource.AlertProviderResource.class));
    assertThat(p).isEqualTo(new AlertProvider("on-call", "flagger", "slack", "on-call-alerts", "flagger", null,
        null, "on-call-url"));
    assertThat(p.typeOrEmpty()).contains(AlertProviderType.SLACK);
  }

  @Test
  void everyFlaggerProviderTypeIsAccepted() {
    for (String type : List.of("slack", "msteams", "discord", "rocket", "gchat")) {
      assertThat(Yaml.check(PROVIDER.replace("type: slack", "type: " + type)).valid()).as(type).isTrue();
    }
  }

  @Test
  void canarykitsGenericTypeIsAcceptedAndTheShippedCrdAllowsIt() throws Exception {
    assertThat(Yaml.check(PROVIDER.replace("type: slack", "type: generic")).valid()).isTrue();
    assertThat(AlertProviderType.GENERIC.isFlaggerType()).isFalse();
    try (var in = getClass().getResourceAsStream("/META-INF/canarykit/crds/alertproviders.flagger.app.yaml")) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("- gchat\n                    # canarykit: its own generic JSON provider")
          .contains("                    - generic\n");
    }
  }

  @Test
  void providerRules() {
    assertThat(lines(Yaml.check(PROVIDER.replace("type: slack", "type: pager"))))
        .containsExactly("spec.type: must be one of: slack, msteams, discord, rocket, gchat, generic");
    assertThat(lines(Yaml.check(PROVIDER.replace("  type: slack\n", ""))))
        .containsExactly("spec: needs type and exactly one of address, secretRef", "spec.type: is required");
    assertThat(lines(Yaml.check(PROVIDER.replace("  secretRef: {name: on-call-url}\n", ""))))
        .containsExactly("spec: needs type and exactly one of address, secretRef");
    assertThat(lines(Yaml.check(PROVIDER + "  address: https://hooks.slack.com/x\n")))
        .containsExactly("spec: sets more than one of address, secretRef (Flagger's schema allows one)");
    assertThat(lines(Yaml.check(PROVIDER.replace("secretRef: {name: on-call-url}",
        "address: hooks.slack.com/x\n  proxy: ftp://proxy"))))
        .containsExactly("spec.address: must be an absolute http(s) URL",
            "spec.proxy: must be an absolute http(s) URL");
    assertThat(lines(Yaml.check(PROVIDER.replace("{name: on-call-url}", "{}"))))
        .containsExactly("spec.secretRef.name: is required", "spec: needs an address or a secretRef");
  }

  @Test
  void providerDefaults() {
    AlertProvider p = new AlertProvider("p", null, "msteams", "", null, null, "https://x", null);
    assertThat(p.namespace()).isEqualTo("default");
    assertThat(p.channelOrDefault()).isEqualTo("general");
    assertThat(p.usernameOrDefault()).isEqualTo("flagger");
    assertThat(p.qualifiedName()).isEqualTo("p.default");
  }
}
