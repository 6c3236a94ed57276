package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec.LocalRef;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.ServiceSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
  private static final TemplateModel MODEL = new TemplateModel("podinfo", "test", "podinfo-app", "podinfo-svc",
      "podinfo-ing", "podinfo-route", "1m", Map.of("code", "5..", "window", "30s", "label", "le"));

  private static TemplateRenderer.Result render(String template) {
    return TemplateRenderer.render(template, MODEL);
  }

  private static String ok(String template) {
    return ((TemplateRenderer.Ok) render(template)).text();
  }

  private static RenderError err(String template) {
    return ((TemplateRenderer.Err) render(template)).error();
  }

  @Test
  void everyFunctionWithAnySpacing() {
    assertThat(ok("{{ name }} {{namespace}} {{  target  }} {{ service }} {{ ingress }} {{ route }} {{ interval }}"))
        .isEqualTo("podinfo test podinfo-app podinfo-svc podinfo-ing podinfo-route 1m");
    assertThat(ok("x{code=\"{{ variables.code }}\"}[{{variables.window}}]")).isEqualTo("x{code=\"5..\"}[30s]");
    assertThat(ok("sum by ({{ variables.label }}) (x)")).isEqualTo("sum by (le) (x)");
  }

  @Test
  void trimMarkersAndCommentsAsInGo() {
    assertThat(ok("a  {{- name -}}  b")).isEqualTo("apodinfob");
    assertThat(ok("a {{/* a comment */}}b")).isEqualTo("a b");
  }

  @Test
  void unknownFunctionsMissingKeysAndSyntaxErrorsAreRenderErrors() {
    assertThat(err("{{ .Name }}").kind()).isEqualTo(RenderError.Kind.UNKNOWN_VALUE);
    assertThat(err("{{ env \"HOME\" }}").message()).startsWith("unsupported action {{ env \\\"HOME\\\" }}");
    assertThat(err("{{ variables.missing }}").message()).startsWith("map has no entry for key \"missing\"");
    assertThat(err("{{ name ").kind()).isEqualTo(RenderError.Kind.SYNTAX);
    assertThat(err("{{}}").kind()).isEqualTo(RenderError.Kind.UNKNOWN_VALUE);
  }

  @Test
  void craftedValuesAreRefusedWithTheFieldNamed() {
    TemplateModel bad = new TemplateModel("podinfo", "test\"} or vector(1) #", "podinfo", "s", "i", "r", "1m", Map.of(
        "q", "a\"b", "nl", "a\nb", "outside", "1 or vector(100)"));
    var e = ((TemplateRenderer.Err) TemplateRenderer.render("x{ns=\"{{ namespace }}\"}", bad)).error();
    assertThat(e.kind()).isEqualTo(RenderError.Kind.UNSAFE_VALUE);
    assertThat(e.message()).isEqualTo(
        "unsafe value for namespace: \"test\\\"} or vector(1) #\" is not a Kubernetes namespace");
    assertThat(((TemplateRenderer.Err) TemplateRenderer.render("x{a=\"{{ variables.nl }}\"}", bad)).error()
        .message()).contains("\\u000a");
    assertThat(((TemplateRenderer.Err) TemplateRenderer.render("x > {{ variables.outside }}", bad)).error()
        .message()).contains("outside a string literal");
    assertThat(TemplateRenderer.render("x{a=\"{{ variables.q }}\"}", bad)).isInstanceOf(TemplateRenderer.Err.class);
  }

  @Test
  void theIntervalMustBeAPrometheusDuration() {
    TemplateModel m = new TemplateModel("a", "b", "c", "d", "e", "f", "1m]) or vector(1", Map.of());
    assertThat(((TemplateRenderer.Err) TemplateRenderer.render("x[{{ interval }}]", m)).error().message())
        .startsWith("unsafe value for interval:");
  }

  @Test
  void modelComesFromTheCanaryWithFallbacksToTheTarget() {
    Canary c = Canaries.podinfo(null);
    TemplateModel m = TemplateModel.of(c, MetricSpec.of("x", null, null));
    assertThat(m).isEqualTo(new TemplateModel("podinfo", "test", "podinfo", "podinfo", "podinfo", "podinfo", "1m",
        Map.of()));
    Canary named = new Canary("c", "ns", c.spec().toBuilder().service(ServiceSpec.builder(80).name("svc").build())
        .ingressRef(new LocalRef("networking.k8s.io/v1", "Ingress", "ing")).routeRef(new LocalRef("v1", "R", "rt"))
        .build());
    assertThat(TemplateModel.of(named, MetricSpec.of("x", null, "5m"))).isEqualTo(new TemplateModel("c", "ns",
        "podinfo", "svc", "ing", "rt", "5m", Map.of()));
  }
}
