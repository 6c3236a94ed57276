package dev.canarykit.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creating {@code <target>-primary} (docs/flagger-compatibility.md §3.1, §3.2). */
@EnableKubernetesMockClient(crud = true)
class PrimaryCreationTest {
  KubernetesClient client;

  private static LabelSelector selector(String key, String value) {
    return new LabelSelectorBuilder().withMatchLabels(Map.of(key, value, "zone", "podinfo"))
        .withMatchExpressions(new LabelSelectorRequirementBuilder().withKey(key).withOperator("In")
            .withValues("podinfo", "other").build(),
            new LabelSelectorRequirementBuilder().withKey("tier").withOperator("In").withValues("podinfo").build())
        .build();
  }

  private static Deployment target() {
    return new DeploymentBuilder(Fixtures.podinfo(StoreWorld.NS)).editMetadata()
        .withLabels(Map.of("app", "podinfo", "team", "a", "kustomize.toolkit.fluxcd.io/name", "x"))
        .withAnnotations(Map.of("note", "y", "kustomize.toolkit.fluxcd.io/checksum", "z")).endMetadata()
        .editSpec().withReplicas(0).withProgressDeadlineSeconds(120).withMinReadySeconds(5)
        .withRevisionHistoryLimit(3).withNewStrategy().withType("Recreate").endStrategy()
        .editTemplate().editMetadata().withLabels(Map.of("app", "podinfo", "version", "1"))
        .withAnnotations(Map.of("prometheus.io/scrape", "true")).endMetadata()
        .editSpec().addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("zone")
        .withWhenUnsatisfiable("DoNotSchedule").withLabelSelector(selector("app", "podinfo"))
        .endTopologySpreadConstraint()
        .withNewAffinity().withNewPodAntiAffinity()
        .addNewRequiredDuringSchedulingIgnoredDuringExecution().withTopologyKey("host")
        .withLabelSelector(selector("name", "podinfo")).endRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(10).withNewPodAffinityTerm()
        .withTopologyKey("host").withLabelSelector(selector("app.kubernetes.io/name", "podinfo"))
        .endPodAffinityTerm().endPreferredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity().endAffinity().endSpec().endTemplate().endSpec().build();
  }

  private static LabelSelector rewritten(String key) {
    return new LabelSelectorBuilder().withMatchLabels(Map.of(key, "podinfo-primary", "zone", "podinfo"))
        .withMatchExpressions(new LabelSelectorRequirementBuilder().withKey(key).withOperator("In")
            .withValues("podinfo-primary", "other").build(),
            new LabelSelectorRequirementBuilder().withKey("tier").withOperator("In").withValues("podinfo").build())
        .build();
  }

  @Test
  void thePrimaryCopiesTheTargetWithSelectorAffinityAndTopologyRewritten() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    w.create(target());
    assertThat(w.store().ensurePrimary(canary)).isEqualTo(Outcome.OK);
    Deployment p = w.deployment("podinfo-primary");
    assertThat(p.getMetadata().getLabels()).isEqualTo(Map.of("app", "podinfo-primary"));
    assertThat(p.getMetadata().getAnnotations()).isEqualTo(Map.of("note", "y"));
    assertThat(p.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("Canary");
      assertThat(o.getApiVersion()).isEqualTo("flagger.app/v1beta1");
      assertThat(o.getName()).isEqualTo("podinfo");
      assertThat(o.getUid()).isEqualTo(w.uid());
      assertThat(o.getController()).isTrue();
    });
    assertThat(p.getSpec().getReplicas()).isEqualTo(1);
    assertThat(p.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", "podinfo-primary"));
    assertThat(p.getSpec().getProgressDeadlineSeconds()).isEqualTo(120);
    assertThat(p.getSpec().getMinReadySeconds()).isEqualTo(5);
    assertThat(p.getSpec().getRevisionHistoryLimit()).isEqualTo(3);
    assertThat(p.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    var meta = p.getSpec().getTemplate().getMetadata();
    assertThat(meta.getLabels()).isEqualTo(Map.of("app", "podinfo-primary", "version", "1"));
    assertThat(meta.getAnnotations()).containsEntry("prometheus.io/scrape", "true").containsKey("flagger-id")
        .hasSize(2);
    PodSpec spec = p.getSpec().getTemplate().getSpec();
    assertThat(spec.getTopologySpreadConstraints().get(0).getLabelSelector()).isEqualTo(rewritten("app"));
    var anti = spec.getAffinity().getPodAntiAffinity();
    assertThat(anti.getRequiredDuringSchedulingIgnoredDuringExecution().get(0).getLabelSelector())
        .isEqualTo(rewritten("name"));
    assertThat(anti.getPreferredDuringSchedulingIgnoredDuringExecution().get(0).getPodAffinityTerm()
        .getLabelSelector()).isEqualTo(rewritten("app.kubernetes.io/name"));
    assertThat(w.deployment("podinfo").getSpec().getTemplate().getSpec().getTopologySpreadConstraints().get(0)
        .getLabelSelector()).isEqualTo(selector("app", "podinfo"));
  }

  @Test
  void includedLabelPrefixesAreCopiedAndAnExistingPrimaryIsLeftAlone() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    w.create(target());
    var store = KubernetesWorkloadStore.builder(client).includeLabelPrefixes(List.of("te", "kustomize")).build();
    store.ensurePrimary(canary);
    Deployment p = w.deployment("podinfo-primary");
    assertThat(p.getMetadata().getLabels()).isEqualTo(Map.of("app", "podinfo-primary", "team", "a"));
    String version = p.getMetadata().getResourceVersion();
    assertThat(store.ensurePrimary(canary)).isEqualTo(Outcome.OK);
    assertThat(w.deployment("podinfo-primary").getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void aTargetWithoutASelectorLabelFailsWithFlaggersText() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    w.create(new DeploymentBuilder(Fixtures.podinfo(StoreWorld.NS)).editSpec().editSelector()
        .withMatchLabels(Map.of("role", "web")).endSelector().endSpec().build());
    String text = "deployment podinfo.test spec.selector.matchLabels must contain one of [app name "
        + "app.kubernetes.io/name]";
    assertThat(w.store().ensurePrimary(canary)).isEqualTo(new Outcome.Failed(text));
    assertThat(w.store().reconcileServices(canary)).isEqualTo(new Outcome.Failed(text));
    assertThat(w.deployment("podinfo-primary")).isNull();
  }

  @Test
  void theFirstConfiguredSelectorKeyPresentWins() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    w.create(new DeploymentBuilder(Fixtures.podinfo(StoreWorld.NS)).editSpec().editSelector()
        .withMatchLabels(Map.of("name", "web", "app.kubernetes.io/name", "other")).endSelector().endSpec().build());
    w.store().ensurePrimary(canary);
    assertThat(w.deployment("podinfo-primary").getSpec().getSelector().getMatchLabels())
        .isEqualTo(Map.of("name", "web-primary"));
  }
}
