package dev.canarykit.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Promotion (docs/flagger-compatibility.md §3.3): what is copied, what is never touched, and conflicts. */
@EnableKubernetesMockClient(crud = true)
class PromotionTest {
  private static final String PRIMARY = "/apis/apps/v1/namespaces/test/deployments/podinfo-primary";
  KubernetesClient client;
  KubernetesMockServer server;

  private void release(StoreWorld w, Canary canary) {
    w.create(new DeploymentBuilder(Fixtures.podinfo("test")).editSpec().withReplicas(3).endSpec().build());
    w.store().ensurePrimary(canary);
    Fixtures.makeReady(client, "test", "podinfo-primary");
    client.apps().deployments().inNamespace("test").withName("podinfo-primary").scale(5);
    Fixtures.setImage(client, "test", "podinfo", "stefanprodan/podinfo:3.1.1");
  }

  private static String image(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static String flaggerId(Deployment d) {
    return d.getSpec().getTemplate().getMetadata().getAnnotations().get("flagger-id");
  }

  @Test
  void withoutAnAutoscalerTheReplicasAreCopiedAndTheStatusIsNeverOverwritten() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    release(w, canary);
    Deployment before = w.deployment("podinfo-primary");
    assertThat(w.store().promote(canary)).isEqualTo(Outcome.OK);
    Deployment after = w.deployment("podinfo-primary");
    assertThat(image(after)).isEqualTo("stefanprodan/podinfo:3.1.1");
    assertThat(after.getSpec().getReplicas()).isEqualTo(3);
    assertThat(flaggerId(after)).isNotEqualTo(flaggerId(before));
    assertThat(after.getStatus()).isEqualTo(before.getStatus());
    assertThat(after.getSpec().getSelector().getMatchLabels()).isEqualTo(before.getSpec().getSelector()
        .getMatchLabels());
  }

  @Test
  void withAnAutoscalerTheReplicasAreLeftToIt() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canary(spec -> {});
    release(w, canary);
    assertThat(w.store().promote(canary)).isEqualTo(Outcome.OK);
    Deployment after = w.deployment("podinfo-primary");
    assertThat(image(after)).isEqualTo("stefanprodan/podinfo:3.1.1");
    assertThat(after.getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void aConcurrentWriteMakesThePatchRetryFromAFreshRead() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    release(w, canary);
    List<String> requests = new CopyOnWriteArrayList<>();
    AtomicBoolean raced = new AtomicBoolean();
    KubernetesClient racing = server.createClient(b -> b.withHttpClientBuilderConsumer(
        hb -> hb.addOrReplaceInterceptor("race", new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            if (!request.uri().getPath().equals(PRIMARY)) {
              return;
            }
            requests.add(request.method());
            if (request.method().equals("PATCH") && raced.compareAndSet(false, true)) {
              client.apps().deployments().inNamespace("test").withName("podinfo-primary").edit(d -> {
                d.getSpec().setPaused(true);
                return d;
              });
            }
          }
        })));
    try {
      assertThat(KubernetesWorkloadStore.builder(racing).build().promote(canary)).isEqualTo(Outcome.OK);
    } finally {
      racing.close();
    }
    assertThat(requests).containsExactly("GET", "GET", "PATCH", "GET", "PATCH");
    Deployment after = w.deployment("podinfo-primary");
    assertThat(after.getSpec().getPaused()).isTrue();
    assertThat(image(after)).isEqualTo("stefanprodan/podinfo:3.1.1");
  }

  @Test
  void aMissingPrimaryFailsThePromotion() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    w.create(Fixtures.podinfo("test"));
    assertThat(w.store().promote(canary)).isEqualTo(new Outcome.Failed("deployment podinfo-primary.test not found"));
  }

  @Test
  void scaleFromZeroUsesTheTargetThenThePrimaryThenOne() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    release(w, canary);
    var store = w.store();
    store.scaleToZero(canary);
    assertThat(w.deployment("podinfo").getSpec().getReplicas()).isZero();
    store.scaleFromZero(canary);
    assertThat(w.deployment("podinfo").getSpec().getReplicas()).isEqualTo(5);
    client.apps().deployments().inNamespace("test").withName("podinfo-primary").delete();
    store.scaleToZero(canary);
    store.scaleFromZero(canary);
    assertThat(w.deployment("podinfo").getSpec().getReplicas()).isEqualTo(1);
  }
}
