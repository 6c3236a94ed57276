package dev.canarykit.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.CanarySpec.Provider;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import dev.canarykit.core.testing.SeedRelease;
import dev.canarykit.core.validation.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model fields are read once, into types; text that cannot be read is kept only for validation to report. */
class TypedFieldsTest {

  @Test
  void anIntervalIsADurationWhetherItIsGivenAsOneOrAsGoText() {
    AnalysisSpec typed = AnalysisSpec.builder().interval(Duration.ofSeconds(90)).build();
    AnalysisSpec text = AnalysisSpec.builder().interval("1m30s").build();
    assertThat(typed.interval()).isEqualTo(Duration.ofSeconds(90)).isEqualTo(text.interval());
    assertThat(text.unreadable()).isEmpty();
    assertThat(AnalysisSpec.builder().interval("").build().interval()).isNull();
    assertThat(AnalysisSpec.builder().interval("5s").build().intervalOrDefault()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void anUnreadableIntervalIsKeptForValidationWhichNamesItsPathAndText() {
    AnalysisSpec a = SeedRelease.analysis().interval("a minute").build();
    assertThat(a.interval()).isNull();
    assertThat(a.intervalOrDefault()).isEqualTo(AnalysisSpec.DEFAULT_INTERVAL);
    assertThat(a.unreadable()).containsEntry("interval", "a minute");
    List<Violation> v = SeedRelease.canary(a).validate();
    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.path()).isEqualTo("spec.analysis.interval");
      assertThat(x.value()).isEqualTo("a minute");
    });
    assertThat(a.toBuilder().interval(Duration.ofMinutes(1)).build().unreadable()).isEmpty();
  }

  @Test
  void stepWeightsTakeVarargs() {
    assertThat(AnalysisSpec.builder().stepWeights(5, 10, 25, 50).build().stepWeights()).containsExactly(5, 10, 25, 50);
  }

  @Test
  void aWebhookHasAnEnumTypeAndADurationTimeout() {
    WebhookSpec hook = WebhookSpec.builder("gate", "http://lt/").type("confirm-promotion").timeout("1m30s").build();
    assertThat(hook.type()).isEqualTo(WebhookType.CONFIRM_PROMOTION);
    assertThat(hook.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(WebhookSpec.builder("load", "http://lt/").type("").build().type()).isEqualTo(WebhookType.ROLLOUT);
    assertThat(WebhookSpec.builder("load", "http://lt/").timeout("5").build().timeout())
        .as("shorter than two characters is unset, as in Flagger").isNull();
    assertThat(hook.toBuilder().timeout(Duration.ofSeconds(5)).build().timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anUnreadableWebhookTypeOrTimeoutIsReportedWithItsText() {
    WebhookSpec bad = WebhookSpec.builder("gate", "http://lt/").type("pre-rollot").timeout("soon").build();
    assertThat(bad.type()).isNull();
    assertThat(bad.timeout()).isNull();
    List<Violation> v = SeedRelease.canary(SeedRelease.analysis().webhooks(List.of(bad)).build()).validate();
    assertThat(v).extracting(Violation::path, Violation::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple("spec.analysis.webhooks[0].type", "pre-rollot"),
        org.assertj.core.groups.Tuple.tuple("spec.analysis.webhooks[0].timeout", "soon"));
  }

  @Test
  void providersAndTargetKindsAreComparedAsEnums() {
    assertThat(Provider.of(null)).isEqualTo(Provider.ISTIO);
    assertThat(Provider.of("")).isEqualTo(Provider.ISTIO);
    assertThat(Provider.of("kubernetes")).isEqualTo(Provider.KUBERNETES);
    assertThat(Provider.of("gatewayapi:v1beta1")).isEqualTo(Provider.OTHER);
    assertThat(Provider.OTHER.driven()).isFalse();
    assertThat(new TargetRef("v1", "Service", "podinfo").kindType()).isEqualTo(TargetRef.Kind.SERVICE);
    assertThat(TargetRef.deployment("podinfo").kindType()).isEqualTo(TargetRef.Kind.DEPLOYMENT);
    assertThat(new TargetRef("v1", "Pod", "podinfo").kindType()).isEqualTo(TargetRef.Kind.OTHER);
  }
}
