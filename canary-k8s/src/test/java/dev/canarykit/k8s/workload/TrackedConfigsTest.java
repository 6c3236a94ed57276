package dev.canarykit.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracked ConfigMaps and Secrets: checksums, {@code -primary} copies and renamed references (§1.4, §3.2, §3.3). */
@EnableKubernetesMockClient(crud = true)
class TrackedConfigsTest {
  KubernetesClient client;

  private static String sha(String json) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, 8);
  }

  private void configMap(String name, Map<String, String> data, Map<String, String> annotations) {
    client.resource(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("test")
        .withAnnotations(annotations).endMetadata().withData(data).build()).create();
  }

  private void secret(String name, String type, Map<String, String> data) {
    client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace("test").endMetadata()
        .withType(type).withData(data).build()).create();
  }

  private static Deployment target(String extraMandatory) {
    return new DeploymentBuilder(Fixtures.podinfo("test")).editSpec().editTemplate().editSpec()
        .addNewVolume().withName("v1").withNewConfigMap().withName("cfg-vol").endConfigMap().endVolume()
        .addNewVolume().withName("v2").withNewSecret().withSecretName("sec-vol").endSecret().endVolume()
        .addNewVolume().withName("v3").withNewProjected().addNewSource().withNewConfigMap().withName("cfg-proj")
        .endConfigMap().endSource().addNewSource().withNewSecret().withName("sec-proj").endSecret().endSource()
        .endProjected().endVolume()
        .addNewVolume().withName("v4").withNewConfigMap().withName("cfg-off").endConfigMap().endVolume()
        .addNewVolume().withName("v5").withNewSecret().withSecretName("sa-token").endSecret().endVolume()
        .addNewVolume().withName("v6").withNewConfigMap().withName("cfg-missing").withOptional(true).endConfigMap()
        .endVolume()
        .addNewVolume().withName("v7").withNewConfigMap().withName(extraMandatory).endConfigMap().endVolume()
        .editFirstContainer().addNewEnv().withName("A").withNewValueFrom().withNewConfigMapKeyRef("a", "cfg-env",
            false).endValueFrom().endEnv()
        .addNewEnv().withName("B").withNewValueFrom().withNewSecretKeyRef("b", "sec-env", false).endValueFrom()
        .endEnv().endContainer()
        .addNewInitContainer().withName("init").withImage("busybox").addNewEnvFrom().withNewConfigMapRef()
        .withName("cfg-from").endConfigMapRef().endEnvFrom().addNewEnvFrom().withNewSecretRef().withName("sec-from")
        .endSecretRef().endEnvFrom().endInitContainer()
        .endSpec().endTemplate().endSpec().build();
  }

  private void objects() {
    configMap("cfg-vol", Map.of("b", "2\n<x>", "a", "1"), null);
    configMap("cfg-proj", null, null);
    configMap("cfg-env", Map.of("a", "env"), null);
    configMap("cfg-from", Map.of("f", "from"), null);
    configMap("cfg-extra", Map.of("e", "x"), null);
    configMap("cfg-off", Map.of("o", "off"), Map.of("flagger.app/config-tracking", "disabled"));
    secret("sec-vol", "Opaque", Map.of("p", "cGFzcw=="));
    secret("sec-proj", "kubernetes.io/tls", Map.of("tls.crt", "Y3J0"));
    secret("sec-env", "kubernetes.io/basic-auth", Map.of("b", "Yg=="));
    secret("sec-from", "kubernetes.io/ssh-auth", Map.of("k", "aw=="));
    secret("sa-token", "kubernetes.io/service-account-token", Map.of("token", "dA=="));
  }

  @Test
  void checksumsAreTheFirst8BytesOfSha256OfTheDataJsonAsGoWritesIt() throws Exception {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    objects();
    w.create(target("cfg-extra"));
    Outcome.Revision r = (Outcome.Revision) w.store().observeTarget(canary);
    assertThat(r.trackedConfigs()).isEqualTo(Map.of(
        "configmap/cfg-vol", sha("{\"a\":\"1\",\"b\":\"2\\n\\u003cx\\u003e\"}"),
        "configmap/cfg-proj", sha("null"),
        "configmap/cfg-env", sha("{\"a\":\"env\"}"),
        "configmap/cfg-from", sha("{\"f\":\"from\"}"),
        "configmap/cfg-extra", sha("{\"e\":\"x\"}"),
        "secret/sec-vol", sha("{\"p\":\"cGFzcw==\"}"),
        "secret/sec-proj", sha("{\"tls.crt\":\"Y3J0\"}"),
        "secret/sec-env", sha("{\"b\":\"Yg==\"}"),
        "secret/sec-from", sha("{\"k\":\"aw==\"}")));
  }

  @Test
  void thePrimaryGetsPrimaryCopiesAndRenamedReferencesExceptForUntrackedObjects() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    objects();
    w.create(target("cfg-extra"));
    assertThat(w.store().ensurePrimary(canary)).isEqualTo(Outcome.OK);
    ConfigMap copy = client.configMaps().inNamespace("test").withName("cfg-vol-primary").get();
    assertThat(copy.getData()).isEqualTo(Map.of("a", "1", "b", "2\n<x>"));
    assertThat(copy.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(w.uid()));
    Secret secretCopy = client.secrets().inNamespace("test").withName("sec-proj-primary").get();
    assertThat(secretCopy.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(secretCopy.getData()).isEqualTo(Map.of("tls.crt", "Y3J0"));
    assertThat(client.configMaps().inNamespace("test").withName("cfg-off-primary").get()).isNull();
    assertThat(client.secrets().inNamespace("test").withName("sa-token-primary").get()).isNull();
    PodSpec spec = w.deployment("podinfo-primary").getSpec().getTemplate().getSpec();
    assertThat(spec.getVolumes()).extracting(v -> v.getConfigMap() != null ? v.getConfigMap().getName()
        : v.getSecret() != null ? v.getSecret().getSecretName() : "projected").containsExactly(
            "cfg-vol-primary", "sec-vol-primary", "projected", "cfg-off", "sa-token", "cfg-missing",
            "cfg-extra-primary");
    var sources = spec.getVolumes().get(2).getProjected().getSources();
    assertThat(sources.get(0).getConfigMap().getName()).isEqualTo("cfg-proj-primary");
    assertThat(sources.get(1).getSecret().getName()).isEqualTo("sec-proj-primary");
    var env = spec.getContainers().get(0).getEnv();
    assertThat(env.get(0).getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("cfg-env-primary");
    assertThat(env.get(1).getValueFrom().getSecretKeyRef().getName()).isEqualTo("sec-env-primary");
    var from = spec.getInitContainers().get(0).getEnvFrom();
    assertThat(from.get(0).getConfigMapRef().getName()).isEqualTo("cfg-from-primary");
    assertThat(from.get(1).getSecretRef().getName()).isEqualTo("sec-from-primary");
  }

  @Test
  void aMissingMandatoryReferenceFailsTheTickAndAMissingOptionalOneIsSkipped() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    objects();
    w.create(target("cfg-gone"));
    assertThat(w.store().observeTarget(canary)).isEqualTo(new Outcome.Failed("configmap cfg-gone.test not found"));
    assertThat(w.store().ensurePrimary(canary)).isEqualTo(new Outcome.Failed("configmap cfg-gone.test not found"));
    assertThat(w.deployment("podinfo-primary")).isNull();
  }

  @Test
  void promotionRewritesChangedCopiesAndLeavesUnchangedOnesAlone() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    objects();
    w.create(target("cfg-extra"));
    w.store().ensurePrimary(canary);
    String untouched = client.configMaps().inNamespace("test").withName("cfg-env-primary").get().getMetadata()
        .getResourceVersion();
    client.configMaps().inNamespace("test").withName("cfg-vol").edit(c -> {
      c.setData(Map.of("a", "changed"));
      return c;
    });
    assertThat(w.store().promote(canary)).isEqualTo(Outcome.OK);
    assertThat(client.configMaps().inNamespace("test").withName("cfg-vol-primary").get().getData())
        .isEqualTo(Map.of("a", "changed"));
    assertThat(client.configMaps().inNamespace("test").withName("cfg-env-primary").get().getMetadata()
        .getResourceVersion()).isEqualTo(untouched);
    assertThat(List.of(w.deployment("podinfo-primary").getSpec().getTemplate().getSpec().getVolumes().get(0)
        .getConfigMap().getName())).containsExactly("cfg-vol-primary");
  }
}
